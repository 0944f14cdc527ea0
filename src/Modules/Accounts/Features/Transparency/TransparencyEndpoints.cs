using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Transparency;

internal sealed record MonthFigures(string Month, IReadOnlyDictionary<string, int> ByAction, IReadOnlyDictionary<string, int> ByRule);

internal sealed record TransparencyReport(string Municipality, string Platform, string Handle, string Classification,
    IReadOnlyList<MonthFigures> Months);

/// <summary>
/// Public figures for an official account: how many actions of each kind, and under which rule, per month.
/// Counts only: no names, handles or content (R15: collect and show only what is needed).
/// </summary>
internal static class TransparencyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/api/public/municipalities/{slug}/accounts/{id:guid}/transparency",
                async (string slug, Guid id, AccountsDbContext db, CancellationToken ct) =>
                    await ReportAsync(slug, id, db, ct) is { } report
                        ? Results.Ok(report)
                        : Results.Problem("Not found.", statusCode: StatusCodes.Status404NotFound))
            .WithTags("Public").AllowAnonymous();

    public static async Task<TransparencyReport?> ReportAsync(string slug, Guid accountId, AccountsDbContext db, CancellationToken ct)
    {
        var municipality = await db.Municipalities.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Slug == slug, ct);
        var account = municipality is null ? null : await db.Accounts.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == accountId && a.MunicipalityId == municipality.Id, ct);
        if (account is null || !account.TreatedAsOfficial)
        {
            return null;
        }

        var actions = await db.ModerationActions.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AccountId == accountId)
            .Select(a => new { a.OccurredAt, a.Kind, a.RuleTitle })
            .ToListAsync(ct);
        var months = actions
            .GroupBy(a => a.OccurredAt.ToString("yyyy-MM"))
            .OrderByDescending(g => g.Key)
            .Select(g => new MonthFigures(g.Key,
                g.GroupBy(a => a.Kind).OrderBy(k => k.Key).ToDictionary(k => Label(k.Key), k => k.Count()),
                g.Where(a => a.RuleTitle.Length > 0).GroupBy(a => a.RuleTitle).OrderBy(r => r.Key)
                    .ToDictionary(r => r.Key, r => r.Count())))
            .ToList();
        return new TransparencyReport(municipality!.Name, account.Platform.ToString(), account.Handle,
            account.Classification.ToString(), months);
    }

    public static string Label(ModerationKind kind) => kind switch
    {
        ModerationKind.Hide => "Hidden",
        ModerationKind.Delete => "Deleted",
        ModerationKind.DisableComments => "Comments turned off",
        ModerationKind.Block => "Blocked",
        ModerationKind.Unblock => "Unblocked",
        ModerationKind.ReportToPlatform => "Reported to the platform",
        ModerationKind.EscalateToPolice => "Referred to police",
        ModerationKind.EscalateToIntegrityCommissioner => "Referred to the Integrity Commissioner",
        _ => kind.ToString(),
    };
}
