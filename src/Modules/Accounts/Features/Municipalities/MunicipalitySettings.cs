using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Data;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Municipalities;

internal sealed class SettingsRequest
{
    /// <summary>R5: prior violations before a block needs no written justification.</summary>
    [Range(0, 20, ErrorMessage = "Enter a number from 0 to 20.")]
    public int PriorViolationsBeforeBlock { get; init; } = 2;

    /// <summary>Administrators, the IC and investigators must sign in with an authenticator code too.</summary>
    public bool RequireTwoFactor { get; init; }
}

internal sealed record SettingsResponse(Guid MunicipalityId, int PriorViolationsBeforeBlock, bool RequireTwoFactor);

/// <summary>The municipality's moderation settings, kept by an Administrator.</summary>
internal sealed class MunicipalitySettings(AccountsDbContext db, AuditTrail audit, ISecurityEvents events)
{
    public async Task<Result<SettingsResponse>> GetAsync(Guid municipalityId, CancellationToken ct)
        => await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == municipalityId, ct) is { } m
            ? Result<SettingsResponse>.Ok(new SettingsResponse(m.Id, m.PriorViolationsBeforeBlock, m.RequireTwoFactor))
            : Result<SettingsResponse>.NotFound();

    public async Task<Result<SettingsResponse>> UpdateAsync(Guid municipalityId, SettingsRequest request, CancellationToken ct)
    {
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Id == municipalityId, ct);
        if (municipality is null)
        {
            return Result<SettingsResponse>.NotFound();
        }

        var twoFactorChanged = municipality.RequireTwoFactor != request.RequireTwoFactor;
        municipality.PriorViolationsBeforeBlock = request.PriorViolationsBeforeBlock;
        municipality.RequireTwoFactor = request.RequireTwoFactor;
        audit.Record(db, "municipality.settings", "Municipality", municipality.Id.ToString(), municipality.Id,
            $"prior violations before block: {request.PriorViolationsBeforeBlock}; two-step sign-in required: {request.RequireTwoFactor}");
        await db.SaveChangesAsync(ct);
        if (twoFactorChanged)
        {
            await events.RecordAsync("two-factor.requirement-changed", null, $"{municipality.Name}: {(request.RequireTwoFactor ? "required" : "optional")}", ct);
        }

        return Result<SettingsResponse>.Ok(new SettingsResponse(municipality.Id, municipality.PriorViolationsBeforeBlock, municipality.RequireTwoFactor));
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/municipalities/{id:guid}/settings").WithTags("Municipalities").RequireAuthorization();
        api.MapGet("/", async (Guid id, MunicipalitySettings settings, CancellationToken ct) =>
            (await settings.GetAsync(id, ct)).ToHttp(s => TypedResults.Ok(s)));
        api.MapPut("/", async (Guid id, SettingsRequest request, MunicipalitySettings settings, CancellationToken ct) =>
                (await settings.UpdateAsync(id, request, ct)).ToHttp(s => TypedResults.Ok(s)))
            .Validates<SettingsRequest>()
            .RequireAuthorization(StaffPolicies.Administrators);
    }
}
