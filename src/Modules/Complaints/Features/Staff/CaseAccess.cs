using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Staff;

/// <summary>Finds a case for the signed-in person and how much of it they see (R15, <see cref="NeedToKnow"/>).</summary>
internal sealed class CaseAccess(ComplaintsDbContext db, ICurrentActor actor)
{
    public Viewer Viewer { get; } = new(actor.UserId, StaffRoles.All.Where(actor.IsInRole).ToList());

    public Task<Case?> LoadAsync(string reference, CancellationToken ct)
        => CaseReferences.IsWellFormed(reference)
            ? db.Cases.Include(c => c.Appeal).Include(c => c.Complaint).FirstOrDefaultAsync(c => c.Reference == reference, ct)
            : Task.FromResult<Case?>(null);

    public async Task<Sight> SightOfAsync(Case found, CancellationToken ct)
    {
        if (found.Appeal is { } appeal)
        {
            var protocol = await CaseSteps.ProtocolOf(db, found.MunicipalityId, ct);
            var reviewer = protocol.AppealReviewerUserId ?? (Viewer.Is(StaffRoles.Clerk) ? Viewer.UserId : null);
            return NeedToKnow.OfAppeal(new AppealFacts(appeal.Owner, appeal.RoutedAt is not null, reviewer,
                appeal.EscalatedTo == EscalationRoute.MunicipalReviewer), Viewer);
        }

        var complaint = found.Complaint!;
        if (found.Status == CaseStatus.AwaitingSignature)
        {
            return Sight.None; // not filed until the resident signs it
        }

        var issued = await db.Reports.AnyAsync(r => r.CaseId == found.Id && r.FinalIssuedAt != null, ct);
        return NeedToKnow.OfComplaint(new ComplaintFacts(complaint.MemberUserId, complaint.MemberNotifiedAt is not null, issued), Viewer);
    }

    /// <summary>Those who work a case and write its notes: the IC's team on a complaint, the social media team on an appeal.</summary>
    public static bool IsCaseTeam(Sight sight) => sight is Sight.Full or Sight.AppealTeam;

    public Task<WorkflowInstanceRow?> InstanceAsync(Case found, CancellationToken ct)
        => db.Set<Platform.Workflows.WorkflowInstance>().AsNoTracking().Where(i => i.CorrelationId == found.Reference)
            .Select(i => new WorkflowInstanceRow(i.Id, i.DefinitionName, i.DefinitionVersion, i.Stage, i.Status)).FirstOrDefaultAsync(ct);
}

/// <summary>A case's workflow instance as the staff side reads it.</summary>
internal sealed record WorkflowInstanceRow(Guid Id, string DefinitionName, int DefinitionVersion, string Stage,
    Platform.Workflows.WorkflowStatus Status)
{
    public CaseFlow Flow => CaseFlows.Get(DefinitionName, DefinitionVersion);
}
