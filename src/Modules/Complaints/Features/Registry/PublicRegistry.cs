using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Registry;

/// <summary>A published report: public when issued to council (s.223.6(3)); council's decision is null until it decides.</summary>
internal sealed record RegistryEntry(string Reference, string Member, string Articles, string? CouncilDecision, DateOnly? DecidedOn,
    string? ResolutionNumber, DateTimeOffset PublishedAt);

/// <summary>The report as the IC published it, with council's decision as council resolved it (its measures in its words).</summary>
internal sealed record RegistryReport(RegistryEntry Entry, string Report, string? RecommendedSanction, int? PaySuspensionDays,
    string? RemedialMeasures);

/// <summary>
/// R16: the Integrity Commissioner's final reports are public from when they are issued to council, each exactly as the IC
/// previewed and confirmed it, with the marked passages redacted from every field (R15, <see cref="PublishReport"/>).
/// </summary>
internal sealed class PublicRegistry(ComplaintsDbContext db, IMunicipalityDirectory municipalities)
{
    public async Task<IReadOnlyList<RegistryEntry>?> ListAsync(string slug, CancellationToken ct)
    {
        var municipality = await municipalities.FindBySlugAsync(slug, ct);
        return municipality is null ? null : (await PublishedAsync(municipality.Id, null, ct)).Select(p => p.Entry).ToList();
    }

    public async Task<RegistryReport?> FindAsync(string slug, string reference, CancellationToken ct)
    {
        var municipality = await municipalities.FindBySlugAsync(slug, ct);
        return municipality is null ? null : (await PublishedAsync(municipality.Id, reference, ct)).FirstOrDefault();
    }

    private async Task<List<RegistryReport>> PublishedAsync(Guid municipalityId, string? reference, CancellationToken ct)
    {
        var rows = await (from c in db.Cases.IgnoreQueryFilters().AsNoTracking().Include(c => c.Complaint)
                          join r in db.Reports.AsNoTracking() on c.Id equals r.CaseId
                          where c.MunicipalityId == municipalityId && c.Kind == CaseKind.Complaint && r.PublishedAt != null
                                && (reference == null || c.Reference == reference)
                          select new { Case = c, Report = r })
            .ToListAsync(ct);
        return rows.Select(r => (r.Case, r.Report, Published: PublishReport.Published(r.Case, r.Report, PublishReport.MarksOf(r.Report))))
            // Shown only as confirmed: a report whose published view no longer matches its confirmed preview stays out.
            .Where(r => r.Published.Hash == r.Report.PublishedHash)
            .OrderByDescending(r => r.Report.PublishedAt)
            .Select(r => new RegistryReport(
                new RegistryEntry(r.Case.Reference, r.Published.Fields.Member, r.Published.Fields.Articles, r.Report.CouncilDecision,
                    r.Report.CouncilDecision is null ? null : r.Report.CouncilDecidedOn, r.Report.ResolutionNumber, r.Report.PublishedAt!.Value),
                r.Published.Fields.Report, r.Published.Fields.RecommendedSanction, r.Report.PaySuspensionDays, r.Report.RemedialMeasures))
            .ToList();
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/public/municipalities/{slug}/registry").WithTags("Public").AllowAnonymous();
        api.MapGet("/", async (string slug, PublicRegistry registry, CancellationToken ct) =>
            await registry.ListAsync(slug, ct) is { } list ? Results.Ok(list) : Results.Problem("Not found.", statusCode: 404));
        api.MapGet("/{reference}", async (string slug, string reference, PublicRegistry registry, CancellationToken ct) =>
            await registry.FindAsync(slug, reference, ct) is { } report ? Results.Ok(report) : Results.Problem("Not found.", statusCode: 404));
    }
}
