using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Registry;

internal static class RegistryEndpoints
{

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/accounts").WithTags("Account registry").RequireAuthorization();
        api.MapGet("/", async (Guid? municipalityId, AccountsDbContext db, CancellationToken ct) => TypedResults.Ok(
            (await db.Accounts.AsNoTracking().Where(a => municipalityId == null || a.MunicipalityId == municipalityId)
                .OrderBy(a => a.Handle).ToListAsync(ct)).Select(AccountRegistryService.ToResponse)));
        api.MapGet("/{id:guid}", async (Guid id, AccountsDbContext db, CancellationToken ct) =>
            await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } account
                ? TypedResults.Ok(AccountRegistryService.ToResponse(account))
                : NotFound());
        api.MapPost("/", async (RegisterAccountRequest request, AccountRegistryService registry, CancellationToken ct) =>
                (await registry.RegisterAsync(request, ct)).ToHttp(a =>
                    TypedResults.Created($"/api/accounts/{a.Id}", AccountRegistryService.ToResponse(a))))
            .Validates<RegisterAccountRequest>()
            .RequireAuthorization(StaffPolicies.Managers);

        api.MapGet("/{id:guid}/official-test", OfficialTestAsync);
        api.MapPut("/{id:guid}/official-test", async (Guid id, OfficialTestRequest request, AccountRegistryService registry,
                AccountsDbContext db, CancellationToken ct) =>
            {
                var result = await registry.RecordFactsAsync(id, request.Facts, ct);
                return result.Succeeded
                    ? TypedResults.Ok(AccountRegistryService.ToResponse(await db.Accounts.SingleAsync(a => a.Id == id, ct), result.Value!))
                    : result.ToHttp(_ => TypedResults.Ok());
            })
            .Validates<OfficialTestRequest>()
            .RequireAuthorization(StaffPolicies.Managers);
        api.MapGet("/{id:guid}/classification", async (Guid id, DateTimeOffset? at, AccountRegistryService registry,
            AccountsDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            var record = account is null ? null : await registry.RecordAtAsync(id, at ?? clock.GetUtcNow(), ct);
            return account is null ? NotFound()
                : record is null ? TypedResults.Problem("The account was not registered yet at that time.", statusCode: 404)
                : TypedResults.Ok(AccountRegistryService.ToResponse(account, record));
        });
        api.MapGet("/criteria", () => TypedResults.Ok(new
        {
            officialIfAny = OfficialAccountTest.Criteria,
            personalOnlyIfAll = OfficialAccountTest.PersonalConditions,
        }));
    }

    private static async Task<IResult> OfficialTestAsync(Guid id, AccountRegistryService registry, AccountsDbContext db,
        CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var record = account is null ? null : await registry.CurrentRecordAsync(id, ct);
        return account is null || record is null ? NotFound() : TypedResults.Ok(AccountRegistryService.ToResponse(account, record));
    }

    private static IResult NotFound() => TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
}
