using Governance.Accounts.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Municipalities;

internal sealed record MunicipalityResponse(Guid Id, string Name, string Slug, string TimeZone);

/// <summary>The municipalities the caller is assigned to; any other id is 404, as if it did not exist.</summary>
internal static class MunicipalityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/municipalities").WithTags("Municipalities").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
    }

    private static async Task<Ok<List<MunicipalityResponse>>> ListAsync(AccountsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MunicipalityResponse(m.Id, m.Name, m.Slug, m.TimeZone)).ToListAsync(ct));

    private static async Task<Results<Ok<MunicipalityResponse>, NotFound>> GetAsync(Guid id, AccountsDbContext db,
        CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MunicipalityResponse(m.Id, m.Name, m.Slug, m.TimeZone)).FirstOrDefaultAsync(ct);
        return municipality is null ? TypedResults.NotFound() : TypedResults.Ok(municipality);
    }
}
