using System.Text.RegularExpressions;
using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Registry;

internal sealed record RegistryEntry(string Reference, string Member, string Articles, string CouncilDecision, DateOnly? DecidedOn,
    DateTimeOffset PublishedAt);

internal sealed record RegistryReport(RegistryEntry Entry, string Report, string? RecommendedSanction, int? PaySuspensionDays,
    string? RemedialMeasures);

/// <summary>R16: the Integrity Commissioner's final reports are public; the complainant is anonymised.</summary>
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
        var rows = await (from c in db.Cases.IgnoreQueryFilters().AsNoTracking()
                          join r in db.Reports.AsNoTracking() on c.Id equals r.CaseId
                          where c.MunicipalityId == municipalityId && c.Kind == CaseKind.Complaint && r.PublishedAt != null
                                && (reference == null || c.Reference == reference)
                          select new { c.Reference, c.ContactName, c.Complaint!.MemberName, c.Complaint.Articles, Report = r })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Report.PublishedAt).Select(r => new RegistryReport(
                new RegistryEntry(r.Reference, r.MemberName, r.Articles, r.Report.CouncilDecision ?? "", r.Report.CouncilDecidedOn,
                    r.Report.PublishedAt!.Value),
                Anonymise(r.Report.FinalText ?? "", r.ContactName), r.Report.RecommendedSanction, r.Report.PaySuspensionDays,
                r.Report.RemedialMeasures))
            .ToList();
    }

    /// <summary>The complainant's name, and each part of it, becomes "the complainant".</summary>
    public static string Anonymise(string text, string complainant)
    {
        foreach (var name in new[] { complainant }.Concat(complainant.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                     .Where(n => n.Length >= 2).Distinct())
        {
            text = Regex.Replace(text, $@"\b{Regex.Escape(name)}\b", "the complainant", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        return text;
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
