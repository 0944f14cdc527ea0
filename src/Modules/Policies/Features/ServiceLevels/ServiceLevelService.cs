using System.ComponentModel.DataAnnotations;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Contracts;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Features.ServiceLevels;

internal sealed record ServiceLevelRequest(
    [property: Required] TimeOnly? Opens,
    [property: Required] TimeOnly? Closes,
    [property: Required, MinLength(1)] DayOfWeek[] BusinessDays,
    [property: Range(1, 200)] int ResponseTargetHours);

internal sealed record ServiceLevelResponse(Guid MunicipalityId, TimeOnly Opens, TimeOnly Closes, DayOfWeek[] BusinessDays,
    int ResponseTargetHours, IReadOnlyList<HolidayResponse> Holidays);

internal sealed record HolidayRequest([property: Required] DateOnly? Date, [property: Required, StringLength(200, MinimumLength = 2), SingleLine] string Name);

internal sealed record HolidayResponse(Guid Id, DateOnly Date, string Name);

/// <summary>R14: monitored hours, the response target and the holiday calendar; and a deadline preview that shows its working.</summary>
internal sealed class ServiceLevelService(PoliciesDbContext db, ITenantScope tenant, AuditTrail audit, PolicyCatalog calendars,
    TimeProvider clock)
{
    public async Task<Result<ServiceLevelResponse>> GetAsync(Guid municipalityId, CancellationToken ct)
    {
        var level = await db.ServiceLevels.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
        if (level is null)
        {
            return Result<ServiceLevelResponse>.NotFound();
        }

        var holidays = await db.Holidays.AsNoTracking().Where(h => h.MunicipalityId == municipalityId).OrderBy(h => h.Date)
            .Select(h => new HolidayResponse(h.Id, h.Date, h.Name)).ToListAsync(ct);
        return Result<ServiceLevelResponse>.Ok(new ServiceLevelResponse(municipalityId, level.Opens, level.Closes, [.. level.Days],
            level.ResponseTargetHours, holidays));
    }

    public async Task<Result<ServiceLevelResponse>> UpdateAsync(Guid municipalityId, ServiceLevelRequest request, CancellationToken ct)
    {
        var level = await db.ServiceLevels.FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
        if (level is null)
        {
            return Result<ServiceLevelResponse>.NotFound();
        }

        if (request.Closes <= request.Opens)
        {
            return Result<ServiceLevelResponse>.Invalid("closes", "Closing time must be after opening time.");
        }

        level.Opens = request.Opens!.Value;
        level.Closes = request.Closes!.Value;
        level.BusinessDays = string.Join(',', request.BusinessDays.Distinct().Order());
        level.ResponseTargetHours = request.ResponseTargetHours;
        audit.Record(db, "service-level.updated", "ServiceLevel", municipalityId.ToString(), municipalityId,
            $"{level.Opens:HH:mm}-{level.Closes:HH:mm} {level.BusinessDays}, target {level.ResponseTargetHours} h");
        await db.SaveChangesAsync(ct);
        return await GetAsync(municipalityId, ct);
    }

    public async Task<Result<HolidayResponse>> AddHolidayAsync(Guid municipalityId, HolidayRequest request, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId) || !await db.ServiceLevels.AnyAsync(s => s.MunicipalityId == municipalityId, ct))
        {
            return Result<HolidayResponse>.NotFound();
        }

        if (await db.Holidays.AnyAsync(h => h.MunicipalityId == municipalityId && h.Date == request.Date, ct))
        {
            return Result<HolidayResponse>.Conflict("That date is already a holiday.");
        }

        var holiday = new Holiday { Id = Guid.NewGuid(), MunicipalityId = municipalityId, Date = request.Date!.Value, Name = request.Name.Trim() };
        db.Holidays.Add(holiday);
        audit.Record(db, "holiday.added", "Holiday", holiday.Id.ToString(), municipalityId, $"{holiday.Date} {holiday.Name}");
        await db.SaveChangesAsync(ct);
        return Result<HolidayResponse>.Ok(new HolidayResponse(holiday.Id, holiday.Date, holiday.Name));
    }

    public async Task<Result<bool>> RemoveHolidayAsync(Guid municipalityId, Guid id, CancellationToken ct)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id && h.MunicipalityId == municipalityId, ct);
        if (holiday is null)
        {
            return Result<bool>.NotFound();
        }

        db.Holidays.Remove(holiday);
        audit.Record(db, "holiday.removed", "Holiday", holiday.Id.ToString(), municipalityId, $"{holiday.Date} {holiday.Name}");
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>A deadline <paramref name="businessDays"/> or <paramref name="businessHours"/> after <paramref name="start"/>.</summary>
    public async Task<Result<Deadline>> PreviewAsync(Guid municipalityId, DateTimeOffset? start, int? businessDays,
        double? businessHours, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return Result<Deadline>.NotFound();
        }

        if (businessDays is null == businessHours is null || businessDays is < 0 or > 3650 || businessHours is < 0 or > 10000)
        {
            return Result<Deadline>.Invalid("businessDays", "Give either business days (0 to 3650) or business hours (0 to 10000).");
        }

        var calendar = await calendars.CalendarAsync(municipalityId, ct);
        var from = start ?? clock.GetUtcNow();
        return Result<Deadline>.Ok(businessDays is { } days
            ? calendar.AddBusinessDays(from, days)
            : calendar.AddBusinessHours(from, TimeSpan.FromHours(businessHours!.Value)));
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/policies/municipalities/{municipalityId:guid}").WithTags("Service levels")
            .RequireAuthorization();
        api.MapGet("/service-level", async (Guid municipalityId, ServiceLevelService service, CancellationToken ct) =>
            (await service.GetAsync(municipalityId, ct)).ToHttp(s => TypedResults.Ok(s)));
        api.MapPut("/service-level", async (Guid municipalityId, ServiceLevelRequest request, ServiceLevelService service, CancellationToken ct) =>
                (await service.UpdateAsync(municipalityId, request, ct)).ToHttp(s => TypedResults.Ok(s)))
            .Validates<ServiceLevelRequest>().RequireAuthorization(StaffPolicies.Administrators);
        api.MapPost("/holidays", async (Guid municipalityId, HolidayRequest request, ServiceLevelService service, CancellationToken ct) =>
                (await service.AddHolidayAsync(municipalityId, request, ct)).ToHttp(h =>
                    TypedResults.Created($"/api/policies/municipalities/{municipalityId}/holidays/{h.Id}", h)))
            .Validates<HolidayRequest>().RequireAuthorization(StaffPolicies.Administrators);
        api.MapDelete("/holidays/{id:guid}", async (Guid municipalityId, Guid id, ServiceLevelService service, CancellationToken ct) =>
                (await service.RemoveHolidayAsync(municipalityId, id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(StaffPolicies.Administrators);
        api.MapGet("/deadline", async (Guid municipalityId, DateTimeOffset? start, int? businessDays, double? businessHours,
                ServiceLevelService service, CancellationToken ct) =>
            (await service.PreviewAsync(municipalityId, start, businessDays, businessHours, ct)).ToHttp(d => TypedResults.Ok(d)));
    }
}
