using Governance.Elections.Domain;
using Governance.Elections.Features.Dashboard;
using Governance.Elections.Jobs;

namespace Governance.Elections.Tests;

public sealed class CampaignRulesTests
{
    private static readonly Election Election2026 = ElectionCalendar.NewRegular(Guid.NewGuid(), 2026, DateTimeOffset.UnixEpoch);

    private static Candidate Candidate(DateOnly? planned = null, DateOnly? filed = null, params (string Code, bool Done)[] steps)
    {
        var candidate = new Candidate
        {
            Id = Guid.NewGuid(), MemberName = "Max Member", Office = "Councillor, Ward 1", IntendedFilingDate = planned,
            ActualFilingDate = filed,
        };
        if (steps.Length > 0)
        {
            candidate.Plans.Add(new CampaignPlan
            {
                AccountLabel = "Facebook @Max", Choice = CampaignChoice.Conversion,
                Items = steps.Select(s => new ChecklistItem { Code = s.Code, CompletedAt = s.Done ? DateTimeOffset.UnixEpoch : null }).ToList(),
            });
        }

        return candidate;
    }

    [Fact]
    public void R11_the_scrubbing_checklist_has_the_bulletins_eight_steps_in_order()
    {
        Assert.Equal(["a", "b", "c.i", "c.ii", "c.iii", "c.iv", "c.v", "c.vi"], ScrubbingChecklist.Steps.Select(s => s.Code));
        Assert.All(ScrubbingChecklist.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Guidance)));
    }

    [Fact]
    public void R11_steps_are_due_by_the_filing_date_else_the_planned_date_else_nomination_day()
    {
        Assert.Equal(new DateOnly(2026, 8, 21), Candidate().ChecklistDueOn(Election2026));
        Assert.Equal(new DateOnly(2026, 5, 15), Candidate(planned: new DateOnly(2026, 5, 15)).ChecklistDueOn(Election2026));
        Assert.Equal(new DateOnly(2026, 5, 4),
            Candidate(planned: new DateOnly(2026, 5, 15), filed: new DateOnly(2026, 5, 4)).ChecklistDueOn(Election2026));
    }

    [Theory]
    [InlineData("2026-04-14", null)]
    [InlineData("2026-04-15", 30)]
    [InlineData("2026-04-30", 30)]
    [InlineData("2026-05-01", 14)]
    [InlineData("2026-05-08", 7)]
    [InlineData("2026-05-14", 1)]
    [InlineData("2026-05-15", null)]
    public void Reminders_fall_30_14_7_and_1_days_before_the_date(string today, int? expected)
        => Assert.Equal(expected, ReminderSchedule.DueOn(new DateOnly(2026, 5, 15), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void R11_a_candidate_who_has_not_filed_is_reminded_of_the_planned_date_and_of_nomination_day()
    {
        var planned = Candidate(planned: new DateOnly(2026, 5, 15), steps: ("a", false));
        var due = ElectionReminders.Due(Election2026, planned, new DateOnly(2026, 5, 14)).ToList();
        var reminder = Assert.Single(due);
        Assert.Equal("filing:2026-05-15:1", reminder.Key);
        Assert.StartsWith("Tomorrow:", reminder.Title, StringComparison.Ordinal);
        Assert.Contains("Consult the Integrity Commissioner", reminder.Body, StringComparison.Ordinal);

        Assert.Equal("nomination:2026-08-21:30", Assert.Single(ElectionReminders.Due(Election2026, Candidate(), new DateOnly(2026, 7, 22))).Key);
        // A planned date on nomination day itself gives one set of reminders, not two.
        Assert.Single(ElectionReminders.Due(Election2026, Candidate(planned: new DateOnly(2026, 8, 21)), new DateOnly(2026, 8, 20)));
    }

    [Fact]
    public void R11_no_reminders_after_filing_and_an_overdue_step_escalates_the_day_after_it_was_due()
    {
        var filed = Candidate(planned: new DateOnly(2026, 5, 15), filed: new DateOnly(2026, 5, 4), steps: ("a", true));
        Assert.Empty(ElectionReminders.Due(Election2026, filed, new DateOnly(2026, 5, 14)));

        var late = Candidate(planned: new DateOnly(2026, 5, 15), steps: [("a", true), ("b", false)]);
        Assert.DoesNotContain(ElectionReminders.Due(Election2026, late, new DateOnly(2026, 5, 15)), d => d.Kind == MemberTaskKind.Overdue);
        var overdue = Assert.Single(ElectionReminders.Due(Election2026, late, new DateOnly(2026, 5, 16)), d => d.Kind == MemberTaskKind.Overdue);
        Assert.Equal("overdue:2026-05-15", overdue.Key);
        Assert.Contains("Stop City-paid publications", overdue.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Consult the Integrity Commissioner", overdue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_export_defuses_spreadsheet_formulas_and_the_calendar_folds_long_lines()
    {
        var election = ElectionView.From(Election2026);
        var row = new CandidateRow(Guid.NewGuid(), election.Id, Guid.NewGuid(), "=HYPERLINK(\"http://evil\")", new string('é', 120),
            new DateOnly(2026, 5, 15), null, new DateOnly(2026, 5, 15), [], 0, 0, 0, 0);
        var view = new DashboardView(election, new DateOnly(2026, 5, 1), [row], []);

        var csv = Exports.Csv(view);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv, StringComparison.Ordinal);

        var ics = Exports.Calendar(view, new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20260821", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:=HYPERLINK(\"http://evil\"): planned nomination filing", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("\uFFFD", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_escapes_every_line_break_in_text_so_no_lone_carriage_return_starts_a_line()
    {
        var election = ElectionView.From(Election2026);
        var row = new CandidateRow(Guid.NewGuid(), election.Id, Guid.NewGuid(), "Max\rDTSTART:19700101\r\nEND:VEVENT\nX", "Ward\r1",
            new DateOnly(2026, 5, 15), null, new DateOnly(2026, 5, 15), [], 0, 0, 0, 0);
        var ics = Exports.Calendar(new DashboardView(election, new DateOnly(2026, 5, 1), [row], []), new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.DoesNotContain('\r', ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Contains("SUMMARY:Max\\nDTSTART:19700101\\nEND:VEVENT\\nX", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
