using Governance.Complaints.Domain;

namespace Governance.Complaints.Tests;

/// <summary>R12: the IC's election period, on the 2026 regular election (nomination day 21 August, voting day 26 October).</summary>
public sealed class ElectionPeriodRules
{
    private static readonly ElectionDays Regular2026 = new("2026 municipal election", Regular: true, new DateOnly(2026, 8, 21), new DateOnly(2026, 10, 26));

    private static ComplaintProtocol Protocol(ElectionProtocol mode = ElectionProtocol.Terminate, int before = 0, int after = 0, bool byElections = false)
        => new() { ElectionProtocol = mode, WindowDaysBeforeNominationDay = before, WindowDaysAfterVotingDay = after, WindowForByElections = byElections };

    [Theory]
    [InlineData("2026-08-20", false)]
    [InlineData("2026-08-21", true)]
    [InlineData("2026-10-26", true)]
    [InlineData("2026-10-27", false)]
    public void R12_the_window_runs_from_nomination_day_to_voting_day(string day, bool inside)
        => Assert.Equal(inside, ElectionPeriod.On([Regular2026], Protocol(), DateOnly.Parse(day)) is not null);

    [Fact]
    public void R12_a_protocol_may_start_the_window_earlier_and_end_it_later()
    {
        var window = ElectionPeriod.Window(Regular2026, Protocol(before: 14, after: 20))!;
        Assert.Equal(new DateOnly(2026, 8, 7), window.Starts);
        Assert.Equal(new DateOnly(2026, 11, 15), window.Ends);
        Assert.Equal(new DateOnly(2026, 11, 16), window.Reopens);
    }

    [Theory]
    [InlineData(-1, 0, "windowDaysBeforeNominationDay")]
    [InlineData(0, -1, "windowDaysAfterVotingDay")]
    [InlineData(121, 0, "windowDaysBeforeNominationDay")]
    public void R12_a_setting_that_would_shorten_the_window_is_refused_with_the_reason(int before, int after, string field)
    {
        var errors = ComplaintProtocolRules.Check(Protocol(before: before, after: after));
        Assert.True(errors.ContainsKey(field));
        if (before < 0 || after < 0)
        {
            Assert.Contains("Municipal Act s.223.4.1", errors[field][0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void R12_by_elections_have_no_window_unless_the_protocol_says_so()
    {
        var byElection = new ElectionDays("Ward 3 by-election", Regular: false, new DateOnly(2027, 2, 5), new DateOnly(2027, 3, 15));
        Assert.Null(ElectionPeriod.Window(byElection, Protocol()));
        Assert.NotNull(ElectionPeriod.Window(byElection, Protocol(byElections: true)));
    }

    [Fact]
    public void R12_under_the_terminate_protocol_a_new_complaint_is_refused_with_the_first_day_it_can_be_filed()
    {
        var window = ElectionPeriod.On([Regular2026], Protocol(), new DateOnly(2026, 9, 1));
        var refusal = ElectionPeriod.Refusal(window, Protocol());
        Assert.NotNull(refusal);
        Assert.Contains("27 October 2026", refusal, StringComparison.Ordinal);
        Assert.Null(ElectionPeriod.Refusal(window, Protocol(ElectionProtocol.Hold)));
        Assert.True(ElectionPeriod.HoldsNewComplaint(window, Protocol(ElectionProtocol.Hold)));
        Assert.Null(ElectionPeriod.Refusal(null, Protocol()));
    }

    [Fact]
    public void R12_an_open_inquiry_is_terminated_or_held_in_the_window_and_a_finished_one_is_left_alone()
    {
        var window = ElectionPeriod.On([Regular2026], Protocol(), new DateOnly(2026, 8, 21));
        var today = new DateOnly(2026, 8, 21);
        Assert.Equal(ElectionEffect.Terminate, ElectionPeriod.EffectOn(new CaseElectionState.Open(), window, Protocol(), today));
        Assert.Equal(ElectionEffect.Hold, ElectionPeriod.EffectOn(new CaseElectionState.Open(), window, Protocol(ElectionProtocol.Hold), today));
        Assert.Equal(ElectionEffect.None, ElectionPeriod.EffectOn(new CaseElectionState.Finished(), window, Protocol(), today));
        Assert.Equal(ElectionEffect.None, ElectionPeriod.EffectOn(new CaseElectionState.Open(), null, Protocol(), new DateOnly(2026, 8, 20)));
        Assert.Equal(ElectionEffect.Resume, ElectionPeriod.EffectOn(new CaseElectionState.Held(), null, Protocol(ElectionProtocol.Hold), new DateOnly(2026, 10, 27)));
    }

    [Fact]
    public void R12_a_restart_may_be_asked_for_after_voting_day_and_within_six_weeks_only()
    {
        var restartBy = ElectionPeriod.RestartDeadline(Regular2026.VotingDay);
        Assert.Equal(new DateOnly(2026, 12, 7), restartBy);
        Assert.NotNull(ElectionPeriod.RestartRefusal(restartBy, new DateOnly(2026, 10, 26)));
        Assert.Null(ElectionPeriod.RestartRefusal(restartBy, new DateOnly(2026, 10, 27)));
        Assert.Null(ElectionPeriod.RestartRefusal(restartBy, new DateOnly(2026, 12, 7)));
        Assert.Contains("7 December 2026", ElectionPeriod.RestartRefusal(restartBy, new DateOnly(2026, 12, 8)), StringComparison.Ordinal);
        Assert.NotNull(ElectionPeriod.RestartRefusal(null, new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void R12_a_requested_restart_waits_for_a_longer_window_to_end_and_an_unrequested_file_closes_after_six_weeks()
    {
        var terminated = new CaseElectionState.Terminated(new DateOnly(2026, 12, 7), RestartRequested: false);
        var requested = terminated with { RestartRequested = true };
        var longer = ElectionPeriod.On([Regular2026], Protocol(after: 20), new DateOnly(2026, 11, 1));
        Assert.Equal(ElectionEffect.None, ElectionPeriod.EffectOn(requested, longer, Protocol(after: 20), new DateOnly(2026, 11, 1)));
        Assert.Equal(ElectionEffect.Restart, ElectionPeriod.EffectOn(requested, null, Protocol(after: 20), new DateOnly(2026, 11, 16)));
        Assert.Equal(ElectionEffect.None, ElectionPeriod.EffectOn(terminated, null, Protocol(), new DateOnly(2026, 12, 7)));
        Assert.Equal(ElectionEffect.Expire, ElectionPeriod.EffectOn(terminated, null, Protocol(), new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void R12_no_report_goes_to_council_in_the_window()
    {
        var window = ElectionPeriod.On([Regular2026], Protocol(), new DateOnly(2026, 10, 1));
        Assert.Contains("27 October 2026", ElectionPeriod.ReportMustWait(window), StringComparison.Ordinal);
        Assert.Null(ElectionPeriod.ReportMustWait(null));
    }
}
