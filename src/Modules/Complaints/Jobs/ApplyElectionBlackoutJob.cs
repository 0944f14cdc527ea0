using Governance.Platform;
using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Elections.Contracts;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Governance.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Jobs;

/// <summary>
/// R12: open complaints are suspended during the election blackout and resumed after voting day. A second run
/// changes nothing: it only moves complaints whose state differs from the blackout's, each under its workflow's
/// concurrency token.
/// </summary>
internal sealed class ApplyElectionBlackoutJob(ElectionBlackout blackout) : IScheduledJob
{
    public const string Id = "apply-election-blackout";

    public Task RunAsync(CancellationToken cancellationToken) => blackout.ApplyAsync(cancellationToken);
}

internal sealed class ElectionBlackout(ComplaintsDbContext db, ITenantScope tenant, WorkflowRuntime workflows,
    IElectionCalendar elections, IMunicipalityDirectory municipalities, TimeProvider clock)
{
    /// <summary>Suspends or resumes each complaint as the blackout starts or ends; returns how many changed.</summary>
    public async Task<int> ApplyAsync(CancellationToken ct)
    {
        tenant.RunAsSystem();
        var candidates = await (from c in db.Cases
                                join i in db.Set<WorkflowInstance>() on c.Reference equals i.CorrelationId
                                where c.Kind == CaseKind.Complaint
                                      && ((c.Status == CaseStatus.Open && i.Status == WorkflowStatus.Running && i.Stage != "held")
                                          || (c.Status == CaseStatus.OnHold && i.Status == WorkflowStatus.Suspended))
                                select new { c.Id, c.MunicipalityId, InstanceId = i.Id, Suspended = i.Status == WorkflowStatus.Suspended })
            .ToListAsync(ct);
        var changed = 0;
        foreach (var municipality in candidates.GroupBy(c => c.MunicipalityId))
        {
            var today = clock.TodayIn((await municipalities.FindAsync(municipality.Key, ct))?.TimeZone ?? "America/Toronto");
            var status = await elections.BlackoutOnAsync(municipality.Key, today, ct);
            foreach (var candidate in municipality.Where(c => c.Suspended != status.InBlackout))
            {
                db.ChangeTracker.Clear();
                var found = await db.Cases.Include(c => c.Complaint).SingleAsync(c => c.Id == candidate.Id, ct);
                found.Status = status.InBlackout ? CaseStatus.OnHold : CaseStatus.Open;
                found.Complaint!.HeldUntil = status.InBlackout ? status.Ends?.AddDays(1) : null;
                db.Timeline.Add(new TimelineEntry
                {
                    Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(),
                    Visibility = Visibility.Public, By = "system",
                    Text = status.InBlackout
                        ? $"The complaint is paused during the election blackout, until {status.Ends?.AddDays(1):d MMMM yyyy}."
                        : "The election is over: work on the complaint has resumed.",
                });
                var result = status.InBlackout
                    ? await workflows.SuspendAsync(db, candidate.InstanceId, "election blackout", ct)
                    : await workflows.ContinueAsync(db, candidate.InstanceId, ct);
                changed += result.Succeeded ? 1 : 0;
            }
        }

        return changed;
    }
}
