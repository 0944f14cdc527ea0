using Governance.Complaints.Domain;

namespace Governance.Complaints.Tests;

/// <summary>R16: the time limit, coded dispositions and council's decision.</summary>
public sealed class FairProcessRules
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    [Fact]
    public void R16_the_time_limit_runs_from_when_the_complainant_became_aware()
    {
        Assert.Equal(new DateOnly(2026, 12, 7), FairProcess.TimeLimitEnds(new DateOnly(2026, 6, 10), 180));
        Assert.False(FairProcess.IsLate(new DateOnly(2026, 12, 7), new DateOnly(2026, 6, 10), 180));
        Assert.True(FairProcess.IsLate(new DateOnly(2026, 12, 8), new DateOnly(2026, 6, 10), 180));
    }

    [Fact]
    public void R16_a_late_complaint_needs_the_ics_reason()
    {
        Assert.NotNull(FairProcess.LateAcceptanceRefusal(late: true, reason: " "));
        Assert.Null(FairProcess.LateAcceptanceRefusal(late: true, reason: "The complainant was in hospital."));
        Assert.Null(FairProcess.LateAcceptanceRefusal(late: false, reason: null));
    }

    [Theory]
    [InlineData(null, "2026-06-01", "conductOn")]
    [InlineData("2026-06-11", "2026-06-10", "conductOn")]
    [InlineData("2026-06-01", "2026-06-11", "awareOn")]
    [InlineData("2026-06-05", "2026-06-01", "awareOn")]
    public void R16_the_complaint_says_when_the_conduct_happened_and_when_the_complainant_became_aware(string? conduct, string aware, string field)
        => Assert.True(FairProcess.CheckDates(conduct is null ? null : DateOnly.Parse(conduct), DateOnly.Parse(aware), Today).ContainsKey(field));

    [Fact]
    public void R16_every_disposition_tells_the_complainant_why_and_only_investigate_and_withdrawn_do_not_close_at_assessment()
    {
        foreach (var disposition in Enum.GetValues<IntakeDisposition>())
        {
            Assert.False(string.IsNullOrWhiteSpace(FairProcess.Explain(disposition)));
        }

        Assert.False(FairProcess.Closes(IntakeDisposition.Investigate));
        Assert.False(FairProcess.Closes(IntakeDisposition.Withdrawn));
        Assert.True(FairProcess.Closes(IntakeDisposition.Duplicate));
    }

    private static CouncilDecision Decision(bool reprimand = false, int? days = null, RemedialMeasure[]? measures = null, string? detail = null,
        bool none = false, bool deferred = false, string? meeting = "2026-06-09", string? resolution = "CC-2026-41")
        => new(reprimand, days, measures ?? [], detail, none, deferred, meeting is null ? null : DateOnly.Parse(meeting), resolution);

    [Fact]
    public void R16_council_may_combine_a_reprimand_a_suspension_of_pay_and_remedial_measures()
    {
        var combined = Decision(reprimand: true, days: 30, measures: [RemedialMeasure.Apology, RemedialMeasure.Training]);
        Assert.Empty(FairProcess.CheckCouncilDecision(combined, Today));
        Assert.Equal("Council imposed a reprimand, a suspension of pay for 30 days, an apology, training", FairProcess.Describe(combined));
        Assert.Empty(FairProcess.CheckCouncilDecision(Decision(none: true), Today));
        Assert.Equal("Council imposed no penalty and no measures", FairProcess.Describe(Decision(none: true)));
    }

    [Theory]
    [InlineData(91, "paySuspensionDays")]
    [InlineData(0, "paySuspensionDays")]
    public void R16_a_suspension_of_pay_is_1_to_90_days(int days, string field)
        => Assert.True(FairProcess.CheckCouncilDecision(Decision(days: days), Today).ContainsKey(field));

    [Fact]
    public void R16_a_council_decision_is_one_thing_at_a_meeting_with_its_resolution()
    {
        Assert.True(FairProcess.CheckCouncilDecision(Decision(), Today).ContainsKey("reprimand")); // nothing chosen
        Assert.True(FairProcess.CheckCouncilDecision(Decision(reprimand: true, none: true), Today).ContainsKey("noAction"));
        Assert.True(FairProcess.CheckCouncilDecision(Decision(deferred: true, reprimand: true), Today).ContainsKey("deferred"));
        Assert.True(FairProcess.CheckCouncilDecision(Decision(reprimand: true, meeting: "2026-06-11"), Today).ContainsKey("meetingOn"));
        Assert.True(FairProcess.CheckCouncilDecision(Decision(reprimand: true, resolution: null), Today).ContainsKey("resolutionNumber"));
        Assert.True(FairProcess.CheckCouncilDecision(Decision(measures: [RemedialMeasure.Other]), Today).ContainsKey("measuresDetail"));
    }
}
