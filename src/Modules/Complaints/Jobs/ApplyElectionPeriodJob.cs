using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Protocol;
using Governance.Complaints.Workflows;
using Governance.Complaints.Workflows.CodeOfConduct;
using Governance.Platform;
using Governance.Platform.Scheduling;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Jobs;

/// <summary>R12: applies the IC's election period to open complaints every hour. A second run changes nothing.</summary>
internal sealed class ApplyElectionPeriodJob(ElectionPeriodWork work) : IScheduledJob
{
    public const string Id = "apply-election-period";

    public Task RunAsync(CancellationToken cancellationToken) => work.ApplyAsync(cancellationToken);
}

/// <summary>
/// What the election period does to complaints (R12, <see cref="ElectionPeriod"/>): under the terminate protocol, open
/// inquiries end when the window starts and are taken up again only on a written request made by six weeks after
/// voting day; under the hold protocol, they pause and resume after the window. A paused workflow keeps its stage, and
/// its deadlines move by the time it was paused. Each case moves under its workflow's concurrency token.
/// </summary>
internal sealed class ElectionPeriodWork(ComplaintsDbContext db, ITenantScope tenant, WorkflowRuntime workflows, ElectionWindows windows,
    IMunicipalityDirectory municipalities, CaseMail mail, TimeProvider clock)
{
    /// <summary>Stages where the inquiry is finished: the report went to council.</summary>
    private static readonly string[] Finished = [ComplaintFlow.Stages.CouncilDecision, ComplaintFlow.Stages.Closed];

    public async Task<int> ApplyAsync(CancellationToken ct)
    {
        tenant.RunAsSystem();
        var candidates = await (from c in db.Cases
                                join i in db.Set<WorkflowInstance>() on c.Reference equals i.CorrelationId
                                where c.Kind == CaseKind.Complaint
                                      && ((c.Status == CaseStatus.Open && i.Status == WorkflowStatus.Running && !Finished.Contains(i.Stage)
                                           && i.Stage != ComplaintFlow.Stages.Held)
                                          || (c.Status == CaseStatus.OnHold && i.Status == WorkflowStatus.Suspended)
                                          || c.Status == CaseStatus.Terminated)
                                select new { c.Id, c.MunicipalityId }).ToListAsync(ct);
        var changed = 0;
        foreach (var municipality in candidates.GroupBy(c => c.MunicipalityId))
        {
            var today = clock.TodayIn((await municipalities.FindAsync(municipality.Key, ct))?.TimeZone ?? MunicipalTime.DefaultTimeZone);
            var window = await windows.OnAsync(municipality.Key, today, ct);
            var protocol = await CaseSteps.ProtocolOf(db, municipality.Key, ct);
            foreach (var candidate in municipality)
            {
                db.ChangeTracker.Clear();
                var found = await db.Cases.Include(c => c.Complaint).SingleAsync(c => c.Id == candidate.Id, ct);
                var state = found.Status switch
                {
                    CaseStatus.Open => new CaseElectionState.Open(),
                    CaseStatus.OnHold => new CaseElectionState.Held(),
                    CaseStatus.Terminated => new CaseElectionState.Terminated(found.RestartBy, found.RestartRequestedAt is not null),
                    _ => (CaseElectionState)new CaseElectionState.Finished(),
                };
                var effect = ElectionPeriod.EffectOn(state, window, protocol, today);
                changed += effect == ElectionEffect.None ? 0 : await ApplyAsync(found, effect, window, ct) ? 1 : 0;
            }
        }

        return changed;
    }

    /// <summary>
    /// R12: the complainant (through their link) or the member asks in writing to take a terminated inquiry up again. Kept
    /// while a longer window still runs, and acted on when it ends.
    /// </summary>
    public async Task<Result<bool>> RequestRestartAsync(Case found, string requestedBy, CancellationToken ct)
    {
        var today = clock.TodayIn((await municipalities.FindAsync(found.MunicipalityId, ct))?.TimeZone ?? MunicipalTime.DefaultTimeZone);
        if (found.Status != CaseStatus.Terminated)
        {
            return Result<bool>.Conflict("Only a file the election period ended can be restarted.");
        }

        if (found.RestartRequestedAt is not null)
        {
            return Result<bool>.Conflict("A restart was already asked for.");
        }

        if (ElectionPeriod.RestartRefusal(found.RestartBy, today) is { } refusal)
        {
            return Result<bool>.Conflict(refusal);
        }

        found.RestartRequestedAt = clock.GetUtcNow();
        found.RestartRequestedBy = requestedBy;
        var window = await windows.OnAsync(found.MunicipalityId, today, ct);
        AddTimeline(found, window is null
            ? $"A restart was asked for in writing ({requestedBy}). The inquiry is taken up again where it left off."
            : $"A restart was asked for in writing ({requestedBy}). The inquiry is taken up again when the election period ends, on {window.Reopens:d MMMM yyyy}.");
        await mail.RoleAsync(found, StaffRoles.IntegrityCommissioner, "A restart of a terminated complaint was asked for",
            $"The {requestedBy} asked in writing to take up the inquiry again (Municipal Act s.223.4.1).", ct);
        if (window is null)
        {
            return await ApplyAsync(found, ElectionEffect.Restart, null, ct) ? Result<bool>.Ok(true) : Result<bool>.Conflict("The case changed; try again.");
        }

        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    private async Task<bool> ApplyAsync(Case found, ElectionEffect effect, ElectionWindow? window, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstAsync(i => i.CorrelationId == found.Reference, ct);
        ResumeResult result;
        switch (effect)
        {
            case ElectionEffect.Terminate:
                found.Status = CaseStatus.Terminated;
                found.TerminatedAt = clock.GetUtcNow();
                found.RestartBy = window!.RestartDeadline;
                var told = $"The election period began on {window.Starts:d MMMM yyyy}, so this inquiry is ended (Municipal Act s.223.4.1). "
                    + $"It can be taken up again only if the complainant or the member asks in writing after voting day ({window.VotingDay:d MMMM yyyy}) "
                    + $"and by {found.RestartBy:d MMMM yyyy}.";
                AddTimeline(found, $"Terminated: election period. {told}");
                mail.Resident(found, "Your complaint is ended by the election period", $"{told}\n\nYou can ask for the restart through your private link.");
                if (found.Complaint!.MemberNotifiedAt is not null)
                {
                    await mail.UserAsync(found, found.Complaint.MemberUserId, "A complaint about you is ended by the election period",
                        $"{told}\n\nYou can ask for the restart on the case page.", ct);
                }

                result = await workflows.SuspendAsync(db, instance.Id, "terminated: election period", ct);
                break;
            case ElectionEffect.Hold:
                found.Status = CaseStatus.OnHold;
                found.Complaint!.HeldUntil = window!.Reopens;
                AddTimeline(found, $"The complaint is paused during the election period, until {window.Reopens:d MMMM yyyy}.");
                result = await workflows.SuspendAsync(db, instance.Id, "held: election period", ct);
                break;
            case ElectionEffect.Resume or ElectionEffect.Restart:
                found.Status = CaseStatus.Open;
                found.Complaint!.HeldUntil = null;
                AddTimeline(found, effect == ElectionEffect.Resume
                    ? "The election period is over: work on the complaint has resumed."
                    : "The inquiry is taken up again where it left off, on the written request; its deadlines moved by the time it was stopped.");
                if (effect == ElectionEffect.Restart)
                {
                    mail.Resident(found, "Your complaint is taken up again", "The inquiry is taken up again where it left off.");
                }

                result = await workflows.ContinueAsync(db, instance.Id, ct);
                break;
            default: // Expire
                found.Status = CaseStatus.Closed;
                AddTimeline(found, $"Closed: no one asked to restart the inquiry by {found.RestartBy:d MMMM yyyy}, six weeks after voting day.");
                result = await workflows.CancelAsync(db, instance.Id, "election period: no restart requested", ct);
                break;
        }

        return result.Succeeded;
    }

    private void AddTimeline(Case found, string text) => db.Timeline.Add(new TimelineEntry
    {
        Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(), Visibility = Visibility.Public,
        By = "system", Text = text,
    });
}
