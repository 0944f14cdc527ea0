using Governance.Accounts.Data;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Security;

internal sealed record SecurityEventView(DateTimeOffset At, string Event, string Account, string Actor, string? Address, string? Detail);

/// <summary>Recent security events in the administrator's municipalities, newest first.</summary>
internal static class SecurityEventList
{
    public const int Shown = 200;

    public static async Task<IReadOnlyList<SecurityEventView>> RecentAsync(AccountsDbContext db, ITenantScope tenant, CancellationToken ct)
    {
        var mine = tenant.MunicipalityIds.ToList();
        return await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action.StartsWith(SecurityEvents.ActionPrefix) && e.MunicipalityId != null && mine.Contains(e.MunicipalityId.Value))
            .OrderByDescending(e => e.Sequence)
            .Take(Shown)
            .Select(e => new SecurityEventView(e.At, e.Action.Substring(SecurityEvents.ActionPrefix.Length), e.RecordId, e.Actor, e.Address,
                e.Details))
            .ToListAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/api/security/events", async (AccountsDbContext db, ITenantScope tenant, CancellationToken ct) =>
                TypedResults.Ok(await RecentAsync(db, tenant, ct)))
            .WithTags("Staff").RequireAuthorization(StaffPolicies.Administrators);
}
