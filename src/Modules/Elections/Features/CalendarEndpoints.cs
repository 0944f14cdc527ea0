using System.ComponentModel.DataAnnotations;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Features;

internal sealed record CalendarResponse(int Year, DateOnly NominationPeriodOpens, DateOnly NominationDay, DateOnly VotingDay,
    DateOnly TermStarts, DateOnly CampaignPeriodEnds, DateOnly BlackoutStarts, DateOnly BlackoutEnds, string BlackoutRule);

internal sealed class BlackoutSettingsRequest
{
    [Required(ErrorMessage = "Choose how the blackout is set.")]
    public BlackoutRule? Rule { get; init; }

    [Range(1, 365, ErrorMessage = "Enter a number of days from 1 to 365.")]
    public int DaysBeforeVoting { get; init; } = 90;
}

/// <summary>The municipality's election calendar (R12) and its complaint blackout setting, for clerks.</summary>
internal sealed class ElectionCalendarQueries(ElectionsDbContext db, ITenantScope tenant, AuditTrail audit)
{
    public async Task<Result<CalendarResponse>> CalendarAsync(Guid municipalityId, int year, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return Result<CalendarResponse>.NotFound();
        }

        if (!ElectionCalendar.IsRegularElectionYear(year))
        {
            return Result<CalendarResponse>.Invalid("year", $"{year} is not a regular municipal election year (2022, 2026, 2030...).");
        }

        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct)
            ?? new ElectionSettings { MunicipalityId = municipalityId };
        var e = (await ElectionCalendarService.RegularAsync(db, municipalityId, year, ct))!;
        var window = Blackout.Window(e.Dates, settings.BlackoutRule, settings.BlackoutDaysBeforeVoting);
        return Result<CalendarResponse>.Ok(new CalendarResponse(year, e.NominationPeriodOpens, e.NominationDay, e.VotingDay,
            e.TermStarts, e.CampaignPeriodEnds, window.Starts, window.Ends, settings.BlackoutRule.ToString()));
    }

    public async Task<Result<CalendarResponse>> SetBlackoutAsync(Guid municipalityId, BlackoutSettingsRequest request, int year,
        CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return Result<CalendarResponse>.NotFound();
        }

        var settings = await db.Settings.FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
        if (settings is null)
        {
            settings = new ElectionSettings { MunicipalityId = municipalityId };
            db.Settings.Add(settings);
        }

        settings.BlackoutRule = request.Rule!.Value;
        settings.BlackoutDaysBeforeVoting = request.DaysBeforeVoting;
        audit.Record(db, "elections.blackout-set", "ElectionSettings", municipalityId.ToString(), municipalityId,
            $"{settings.BlackoutRule} {settings.BlackoutDaysBeforeVoting}");
        await db.SaveChangesAsync(ct);
        return await CalendarAsync(municipalityId, year, ct);
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/elections/municipalities/{municipalityId:guid}").WithTags("Elections").RequireAuthorization();
        api.MapGet("/calendar/{year:int}", async (Guid municipalityId, int year, ElectionCalendarQueries queries, CancellationToken ct) =>
            (await queries.CalendarAsync(municipalityId, year, ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapPut("/blackout", async (Guid municipalityId, BlackoutSettingsRequest request, ElectionCalendarQueries queries,
                TimeProvider clock, CancellationToken ct) =>
                (await queries.SetBlackoutAsync(municipalityId, request, ElectionCalendar.NextElectionYear(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), ct))
                    .ToHttp(c => TypedResults.Ok(c)))
            .Validates<BlackoutSettingsRequest>()
            .RequireAuthorization(StaffPolicies.ElectionClerks);
    }
}
