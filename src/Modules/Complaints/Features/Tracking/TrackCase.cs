using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Platform.Audit;
using Governance.Platform.Files;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Tracking;

internal sealed record PublicTimelineEntry(DateTimeOffset At, string Text);

internal sealed record PublicCaseView(string Reference, string Kind, string Status, string Stage, DateTimeOffset SubmittedAt,
    DateTimeOffset? InformationDueBy, IReadOnlyList<PublicTimelineEntry> Timeline, bool CanAddInformation, bool CanWithdraw);

/// <summary>
/// What a resident can do with their reference number and private link: see the status and the public
/// timeline, add information, withdraw. A wrong token finds nothing (404), like an unknown reference.
/// </summary>
internal sealed class TrackCase(ComplaintsDbContext db, ITenantScope tenant, WorkflowRuntime workflows, EvidenceStore evidence,
    AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<PublicCaseView>> ViewAsync(string reference, string? token, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        audit.Record(db, "case.viewed", "Case", found.Reference, found.MunicipalityId, "tracking link");
        await db.SaveChangesAsync(ct);
        return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
    }

    public async Task<Result<PublicCaseView>> WithdrawAsync(string reference, string? token, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        if (found.Status is CaseStatus.Closed or CaseStatus.Withdrawn)
        {
            return Result<PublicCaseView>.Conflict("This case is already closed.");
        }

        found.Status = CaseStatus.Withdrawn;
        AddTimeline(found, Visibility.Public, $"You withdrew your {Noun(found)}.");
        audit.Record(db, "case.withdrawn", "Case", found.Reference, found.MunicipalityId);
        var instance = await InstanceAsync(found, ct);
        if (instance is { Status: WorkflowStatus.Running })
        {
            var cancelled = await workflows.CancelAsync(db, instance.Id, "withdrawn by the resident", ct);
            if (!cancelled.Succeeded)
            {
                return Result<PublicCaseView>.Conflict("The case changed while you were withdrawing it. Please try again.");
            }
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
    }

    public async Task<Result<PublicCaseView>> AddInformationAsync(string reference, string? token, string? text,
        IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        if (found.Status is CaseStatus.Closed or CaseStatus.Withdrawn)
        {
            return Result<PublicCaseView>.Conflict("This case is closed; it cannot take more information.");
        }

        if (string.IsNullOrWhiteSpace(text) && files.Count == 0)
        {
            return Result<PublicCaseView>.Invalid("information", "Write the information or attach a file.");
        }

        if (text?.Length > 10_000)
        {
            return Result<PublicCaseView>.Invalid("information", "Keep it under 10,000 characters; attach a file for more.");
        }

        if (await CaseFiling.CheckFilesAsync(files, ct) is { } problem)
        {
            return Result<PublicCaseView>.Invalid("evidence", problem);
        }

        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            await using var stream = file.Open();
            var stored = await evidence.SaveAsync(file.FileName, stream, ct);
            db.Evidence.Add(new CaseEvidence
            {
                Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, FileName = stored.FileName,
                ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, UploadedAt = now, UploadedBy = "resident",
            });
        }

        AddTimeline(found, Visibility.Public, $"You sent more information{(files.Count > 0 ? $" and {files.Count} file(s)" : "")}.");
        if (!string.IsNullOrWhiteSpace(text))
        {
            AddTimeline(found, Visibility.Parties, $"Information from the resident: {text.Trim()}");
        }

        audit.Record(db, "case.information-added", "Case", found.Reference, found.MunicipalityId, $"{files.Count} file(s)");
        var instance = await InstanceAsync(found, ct);
        if (instance is { Status: WorkflowStatus.Running, Stage: "awaiting_information" })
        {
            var resumed = await workflows.ResumeAsync(db, instance.Id, ResidentSteps.InformationReceived, ct);
            if (!resumed.Succeeded)
            {
                return Result<PublicCaseView>.Conflict("The case changed while you were sending. Please try again.");
            }
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
    }

    private async Task<Case?> FindAsync(string reference, string? token, CancellationToken ct)
    {
        if (!CaseReferences.IsWellFormed(reference))
        {
            return null;
        }

        var found = await db.Cases.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Reference == reference, ct);
        if (found is null || !CaseReferences.Matches(token, found.TrackingTokenHash))
        {
            return null;
        }

        tenant.Restrict(found.MunicipalityId);
        return found;
    }

    private Task<WorkflowInstance?> InstanceAsync(Case found, CancellationToken ct)
        => db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.CorrelationId == found.Reference, ct);

    private void AddTimeline(Case found, Visibility visibility, string text) => db.Timeline.Add(new TimelineEntry
    {
        Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(),
        Visibility = visibility, Text = text, By = "resident",
    });

    private static string Noun(Case found) => found.Kind == CaseKind.Appeal ? "appeal" : "complaint";

    private async Task<PublicCaseView> ToViewAsync(Case found, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.CorrelationId == found.Reference, ct);
        var stage = instance?.Stage ?? "intake";
        DateTimeOffset? informationDue = null;
        if (instance is { Stage: "awaiting_information" })
        {
            informationDue = await db.Set<WorkflowBookmark>().AsNoTracking()
                .Where(b => b.InstanceId == instance.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task)
                .Select(b => b.DueAt).FirstOrDefaultAsync(ct);
        }

        var timeline = await db.Timeline.AsNoTracking()
            .Where(t => t.CaseId == found.Id && t.Visibility == Visibility.Public)
            .OrderBy(t => t.At).Select(t => new PublicTimelineEntry(t.At, t.Text)).ToListAsync(ct);
        var open = found.Status is CaseStatus.Open or CaseStatus.OnHold;
        return new PublicCaseView(found.Reference, found.Kind.ToString(), found.Status.ToString(),
            found.Status == CaseStatus.Withdrawn ? "Withdrawn"
                : found.Kind == CaseKind.Appeal ? AppealWorkflow.PublicStage(stage) : ComplaintWorkflow.PublicStage(stage), found.SubmittedAt,
            informationDue, timeline, open, open);
    }
}
