using Governance.Accounts.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Elections.Features.Campaigns;
using Governance.Platform;
using Governance.Platform.Mail;
using Governance.SharedKernel;
using Governance.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Jobs;

/// <summary>Runs the election reminders every 15 minutes; each reminder's unique key makes a second run send nothing.</summary>
internal sealed class SendElectionRemindersJob(ElectionReminders reminders) : IScheduledJob
{
    public const string Id = "send-election-reminders";

    public Task RunAsync(CancellationToken cancellationToken) => reminders.SendDueAsync(cancellationToken);
}

/// <summary>
/// Reminds candidates who have not filed yet at 30, 14, 7 and 1 days before their planned filing date and before
/// nomination day, and tells the member, the clerk and the IC when a scrubbing step is overdue. Days are counted in
/// the municipality's time zone. Each reminder is a task row with a unique key written in the same transaction as
/// its e-mail, so it goes once whatever restarts, retries or second hosts there are.
/// </summary>
internal sealed class ElectionReminders(ElectionsDbContext db, ITenantScope tenant, IMunicipalityDirectory municipalities,
    IStaffDirectory staff, Platform.Outbox.Outbox outbox, TimeProvider clock)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        tenant.RunAsSystem();
        var sent = 0;
        foreach (var municipality in await municipalities.ListAsync(ct))
        {
            var today = clock.TodayIn(municipality.TimeZone);
            var horizon = today.AddDays(ReminderSchedule.DaysBefore.Max() + 1);
            var elections = await db.Elections.AsNoTracking()
                .Where(e => e.MunicipalityId == municipality.Id && e.NominationPeriodOpens <= horizon && e.CampaignPeriodEnds >= today)
                .ToListAsync(ct);
            foreach (var election in elections)
            {
                sent += await SendForElectionAsync(municipality, election, today, ct);
            }
        }

        return sent;
    }

    private async Task<int> SendForElectionAsync(MunicipalityInfo municipality, Election election, DateOnly today, CancellationToken ct)
    {
        var candidates = await db.Candidates.Include(c => c.Plans).ThenInclude(p => p.Items)
            .Where(c => c.ElectionId == election.Id).ToListAsync(ct);
        var keys = (await db.Tasks.Where(t => t.MunicipalityId == municipality.Id).Select(t => new { t.CandidateId, t.Key }).ToListAsync(ct))
            .Select(t => (t.CandidateId, t.Key)).ToHashSet();
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var candidate in candidates)
        {
            foreach (var (key, kind, dueOn, title, body) in Due(election, candidate, today))
            {
                if (keys.Contains((candidate.Id, key)))
                {
                    continue;
                }

                MemberTasks.Add(db, outbox, candidate, key, kind, dueOn, title, body, now);
                if (kind == MemberTaskKind.Overdue)
                {
                    await EscalateAsync(municipality, candidate, title, body, ct);
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                    sent++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear(); // another host wrote this reminder first: its key is taken, nothing is sent twice
                }
            }
        }

        return sent;
    }

    /// <summary>What is due today for a candidate: at most one reminder per date, and the overdue steps.</summary>
    internal static IEnumerable<(string Key, MemberTaskKind Kind, DateOnly DueOn, string Title, string Body)> Due(
        Election election, Candidate candidate, DateOnly today)
    {
        var steps = candidate.Plans.Where(p => p.Choice == CampaignChoice.Conversion && p.RestoredAt is null)
            .SelectMany(p => p.Items.Where(i => !i.Done).Select(i => $"- {p.AccountLabel}: {ScrubbingChecklist.Find(i.Code)?.Title}"))
            .ToList();
        var outstanding = steps.Count == 0 ? "" : $"\n\nScrubbing steps still to do (R11):\n{string.Join('\n', steps)}";

        if (candidate.ActualFilingDate is null)
        {
            var targets = new List<(string Name, DateOnly Date, string What)>();
            if (candidate.IntendedFilingDate is { } planned && planned != election.NominationDay)
            {
                targets.Add(("filing", planned, "the day you plan to file your nomination papers"));
            }

            targets.Add(("nomination", election.NominationDay, "nomination day, the last day to file nomination papers (until 2 p.m.)"));
            foreach (var (name, date, what) in targets)
            {
                if (ReminderSchedule.DueOn(date, today) is { } days)
                {
                    var left = date.DayNumber - today.DayNumber;
                    yield return ($"{name}:{date:yyyy-MM-dd}:{days}", MemberTaskKind.Reminder, date,
                        $"{(left == 1 ? "Tomorrow" : $"In {left} days")}: {what} ({date:dddd d MMMM})",
                        $"{char.ToUpperInvariant(what[0])}{what[1..]} is {date:dddd d MMMM yyyy}. An account used for your campaign must be "
                        + $"scrubbed before you file.{outstanding}");
                }
            }
        }

        var due = candidate.ChecklistDueOn(election);
        if (today > due && steps.Count > 0)
        {
            yield return ($"overdue:{due:yyyy-MM-dd}", MemberTaskKind.Overdue, due,
                $"Overdue: scrubbing steps for {candidate.MemberName} were due by {due:d MMMM yyyy}",
                $"{candidate.MemberName} ({candidate.Office}) has scrubbing steps not done that were due before filing, by {due:d MMMM yyyy}.{outstanding}");
        }
    }

    private async Task EscalateAsync(MunicipalityInfo municipality, Candidate candidate, string title, string body, CancellationToken ct)
    {
        var recipients = (await staff.StaffOfAsync(municipality.Id, ct))
            .Where(s => s.Roles.Contains(StaffRoles.Clerk) || s.Roles.Contains(StaffRoles.IntegrityCommissioner))
            .Select(s => s.Email).Where(e => e.Length > 0).Distinct();
        foreach (var to in recipients)
        {
            outbox.Mail(db, new OutgoingMail(to, title, $"{body}\n\nThe clerk's election dashboard shows every member's progress.\n"),
                candidate.MunicipalityId);
        }
    }
}
