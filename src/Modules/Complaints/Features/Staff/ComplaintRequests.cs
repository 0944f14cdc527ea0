using System.ComponentModel.DataAnnotations;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Jobs;
using Governance.Complaints.Workflows;
using Governance.Platform.Audit;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Staff;

/// <summary>The IC's answer to a complainant's request to withdraw (R16).</summary>
internal enum WithdrawalDecision
{
    /// <summary>The complaint is withdrawn and the file closed.</summary>
    Accept = 1,

    /// <summary>The inquiry goes on in the public interest.</summary>
    Continue = 2,
}

internal sealed record WithdrawalDecisionRequest(
    [property: Required(ErrorMessage = "Choose Accept or Continue.")] WithdrawalDecision? Decision,
    [property: Required(ErrorMessage = "Give the reasons: the complainant will read them."), MaxLength(8000, ErrorMessage = "Keep the reasons under 8,000 characters.")] string? Reasons);

/// <summary>
/// Requests on a complaint outside its workflow steps: the IC's decision on a withdrawal request (R16: the IC may go on in
/// the public interest), and the member's written request to restart a file the election period ended (R12).
/// </summary>
internal sealed class ComplaintRequests(ComplaintsDbContext db, CaseWork work, ElectionPeriodWork election, WorkflowRuntime workflows,
    CaseMail mail, ICurrentActor actor, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<CaseDetail>> DecideWithdrawalAsync(string reference, WithdrawalDecisionRequest request, CancellationToken ct)
    {
        var (found, sight, refused) = await work.OpenAsync<CaseDetail>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (sight != Sight.Full || !actor.IsInRole(StaffRoles.IntegrityCommissioner))
        {
            return Result<CaseDetail>.Forbidden("The Integrity Commissioner decides a request to withdraw.");
        }

        var complaint = found!.Complaint!;
        if (complaint.WithdrawalRequestedAt is null || found.Status is not (CaseStatus.Open or CaseStatus.OnHold or CaseStatus.Terminated))
        {
            return Result<CaseDetail>.Conflict("There is no request to withdraw waiting for a decision.");
        }

        var reasons = request.Reasons!.Trim();
        audit.Record(db, $"case.withdrawal-{request.Decision.ToString()!.ToLowerInvariant()}", "Case", found.Reference, found.MunicipalityId);
        if (request.Decision == WithdrawalDecision.Continue)
        {
            complaint.WithdrawalRequestedAt = null;
            AddTimeline(found, $"The Integrity Commissioner continues the inquiry in the public interest. Reasons: {reasons}");
            mail.Resident(found, "Your request to withdraw", $"The Integrity Commissioner will continue the inquiry in the public interest.\n\nReasons:\n{reasons}");
            await db.SaveChangesAsync(ct);
        }
        else
        {
            found.Status = CaseStatus.Withdrawn;
            complaint.Disposition = IntakeDisposition.Withdrawn;
            AddTimeline(found, $"{FairProcess.Explain(IntakeDisposition.Withdrawn)} Reasons: {reasons}");
            mail.Resident(found, "Your complaint is withdrawn", $"{FairProcess.Explain(IntakeDisposition.Withdrawn)}\n\n{reasons}");
            if (complaint.MemberNotifiedAt is not null)
            {
                await mail.UserAsync(found, complaint.MemberUserId, "A complaint about you is withdrawn", "The complaint was withdrawn and the file is closed.", ct);
            }

            var instance = await db.Set<WorkflowInstance>().FirstAsync(i => i.CorrelationId == found.Reference, ct);
            if (!(await workflows.CancelAsync(db, instance.Id, "withdrawn", ct)).Succeeded)
            {
                return Result<CaseDetail>.Conflict("The case changed meanwhile; reload it and decide again.");
            }
        }

        return await work.DetailAsync(reference, ct);
    }

    /// <summary>R12: the member complained about asks in writing to restart a file the election period ended.</summary>
    public async Task<Result<CaseDetail>> RequestRestartAsync(string reference, CancellationToken ct)
    {
        var (found, sight, refused) = await work.OpenAsync<CaseDetail>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (sight != Sight.Member)
        {
            return Result<CaseDetail>.Forbidden("The complainant (through their link) or the member complained about asks for a restart.");
        }

        var requested = await election.RequestRestartAsync(found!, "member", ct);
        return requested.Succeeded ? await work.DetailAsync(reference, ct) : Result<CaseDetail>.Conflict(requested.Message ?? "Not possible.");
    }

    private void AddTimeline(Case found, string text) => db.Timeline.Add(new TimelineEntry
    {
        Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(), Visibility = Visibility.Public,
        Text = text, By = actor.Name,
    });
}
