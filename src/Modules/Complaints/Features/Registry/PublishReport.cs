using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Registry;

internal sealed record PublicationPreviewRequest(
    [property: MaxLength(100, ErrorMessage = "Mark at most 100 passages.")] List<string>? Marks);

internal sealed record PublishReportRequest(
    [property: MaxLength(100, ErrorMessage = "Mark at most 100 passages.")] List<string>? Marks,
    [property: Required(ErrorMessage = "Preview the publication first, then confirm that preview."), SingleLine, MaxLength(64)] string? PreviewHash,
    bool AcknowledgeWarnings);

/// <summary>What would be published, what still looks like personal data, and the hash that confirms this preview.</summary>
internal sealed record PublicationPreview(PublishedFields Fields, IReadOnlyList<DetectedData> Warnings, IReadOnlyList<string> Marks,
    string PreviewHash);

/// <summary>
/// R15, R16: a final report goes to the public registry only as the Integrity Commissioner previewed it (from version 2
/// of the complaint workflow, issuing the report publishes the confirmed preview; this endpoint publishes reports
/// issued before, which migration 0004 withdrew): the passages
/// they mark are redacted in every published field, the detector's warnings are shown, and publishing confirms that
/// exact preview by its hash. Warnings do not block (a flag can be a false alarm, like "City Hall" for a complainant
/// named Hall, and the report must be public) but must be acknowledged; the acknowledgement is audited.
/// </summary>
internal sealed class PublishReport(ComplaintsDbContext db, ICurrentActor actor, AuditTrail audit, TimeProvider clock)
{
    private const int MaxMarkLength = 2000;

    public async Task<Result<PublicationPreview>> PreviewAsync(string reference, IEnumerable<string?>? marks, CancellationToken ct)
    {
        var (found, report, refused) = await LoadAsync(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (Check(marks) is { } invalid)
        {
            return invalid;
        }

        var preview = Preview(found!, report!, Redaction.Normalise(marks));
        audit.Record(db, "case.publication-previewed", "Case", found!.Reference, found.MunicipalityId, preview.PreviewHash);
        await db.SaveChangesAsync(ct);
        return Result<PublicationPreview>.Ok(preview);
    }

    public async Task<Result<PublicationPreview>> PublishAsync(string reference, PublishReportRequest request, CancellationToken ct)
    {
        var (found, report, refused) = await LoadAsync(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (report!.FinalIssuedAt is null)
        {
            return Result<PublicationPreview>.Conflict("Issue the report to council: issuing it publishes the preview you confirm.");
        }

        if (Check(request.Marks) is { } invalid)
        {
            return invalid;
        }

        var preview = Preview(found!, report!, Redaction.Normalise(request.Marks));
        if (!string.Equals(preview.PreviewHash, request.PreviewHash, StringComparison.Ordinal))
        {
            return Result<PublicationPreview>.Conflict(
                "The report or the marked passages changed since that preview. Preview again and confirm what you see.");
        }

        if (preview.Warnings.Count > 0 && !request.AcknowledgeWarnings)
        {
            return Result<PublicationPreview>.Invalid("acknowledgeWarnings",
                $"{preview.Warnings.Count} passage(s) still look like personal data ({string.Join(", ", preview.Warnings.Select(w => $"{w.Kind} \"{w.Text}\" in {w.Field}").Take(5))}). "
                + "Mark them for redaction, or confirm you have checked them.");
        }

        var now = clock.GetUtcNow();
        Record(report!, preview, actor.Name, now);
        db.Timeline.Add(new TimelineEntry
        {
            Id = Guid.NewGuid(), CaseId = found!.Id, MunicipalityId = found.MunicipalityId, At = now, Visibility = Visibility.Public,
            Text = "The report is published in the public registry.", By = actor.Name,
        });
        audit.Record(db, "case.published", "Case", found.Reference, found.MunicipalityId,
            $"preview {preview.PreviewHash}; {preview.Marks.Count} passage(s) redacted; {preview.Warnings.Count} warning(s) acknowledged");
        await db.SaveChangesAsync(ct);
        return Result<PublicationPreview>.Ok(preview);
    }

    /// <summary>Records a confirmed preview as the publication (the IC's marks, the hash the registry checks).</summary>
    public static void Record(ComplaintReport report, PublicationPreview preview, string by, DateTimeOffset now)
    {
        report.PublishedAt = now;
        report.RedactionMarks = JsonSerializer.Serialize(preview.Marks);
        report.PublishedHash = preview.PreviewHash;
        report.PublishedBy = by;
    }

    /// <summary>
    /// The published view of a report: every field through the one redaction step, and the hash of that view. The member
    /// is named only when the report says so (R16: some protocols name the member only on a finding of breach).
    /// </summary>
    public static (PublishedFields Fields, string Hash) Published(Case found, ComplaintReport report, IReadOnlyList<string> marks)
    {
        var member = report.MemberNamed ? found.Complaint!.MemberName : found.Complaint!.LocalBoard is { } board ? $"A member of {board}" : "A member of council";
        var fields = ReportPublication.Redact(new PublishedFields(member, found.Complaint.Articles, report.FinalText ?? "",
            report.RecommendedSanction), marks);
        return (fields, ReportPublication.Hash(fields, marks));
    }

    public static PublicationPreview Preview(Case found, ComplaintReport report, IReadOnlyList<string> marks)
    {
        var (fields, hash) = Published(found, report, marks);
        var complainant = new ComplainantOnFile(found.ContactName, found.ContactEmail, found.Complaint!.Phone, found.Complaint.PostalAddress);
        return new PublicationPreview(fields, ReportPublication.Warnings(fields, complainant), marks, hash);
    }

    public static IReadOnlyList<string> MarksOf(ComplaintReport report)
        => report.RedactionMarks is null ? [] : JsonSerializer.Deserialize<List<string>>(report.RedactionMarks) ?? [];

    private static Result<PublicationPreview>? Check(IEnumerable<string?>? marks)
        => (marks ?? []).Any(m => m?.Length > MaxMarkLength)
            ? Result<PublicationPreview>.Invalid("marks", $"Mark passages of at most {MaxMarkLength:N0} characters.")
            : null;

    private async Task<(Case? Case, ComplaintReport? Report, Result<PublicationPreview>? Refused)> LoadAsync(string reference,
        CancellationToken ct)
    {
        var found = CaseReferences.IsWellFormed(reference)
            ? await db.Cases.Include(c => c.Complaint).FirstOrDefaultAsync(c => c.Reference == reference && c.Kind == CaseKind.Complaint, ct)
            : null;
        if (found is null)
        {
            return (null, null, Result<PublicationPreview>.NotFound());
        }

        if (!actor.IsInRole(StaffRoles.IntegrityCommissioner))
        {
            return (null, null, Result<PublicationPreview>.Forbidden("Only the Integrity Commissioner publishes a report."));
        }

        var report = await db.Reports.FirstOrDefaultAsync(r => r.CaseId == found.Id, ct);
        if (report is not { FinalText: not null })
        {
            return (null, null, Result<PublicationPreview>.Conflict("The final report must be written first."));
        }

        return report.PublishedAt is not null
            ? (null, null, Result<PublicationPreview>.Conflict("The report is already published."))
            : (found, report, null);
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/cases/{reference}/publication").WithTags("Cases").RequireAuthorization();
        api.MapPost("/preview", async (string reference, PublicationPreviewRequest request, PublishReport publication, CancellationToken ct) =>
                (await publication.PreviewAsync(reference, request.Marks, ct)).ToHttp(p => TypedResults.Ok(p)))
            .Validates<PublicationPreviewRequest>();
        api.MapPost("/", async (string reference, PublishReportRequest request, PublishReport publication, CancellationToken ct) =>
                (await publication.PublishAsync(reference, request, ct)).ToHttp(p => TypedResults.Ok(p)))
            .Validates<PublishReportRequest>();
    }
}
