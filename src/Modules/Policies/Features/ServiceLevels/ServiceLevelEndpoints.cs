using System.ComponentModel.DataAnnotations;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.Policies.Data;
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

internal sealed record HolidayRequest([property: Required] DateOnly? Date, [property: Required, StringLength(200, MinimumLength = 2)] string Name);

internal sealed record HolidayResponse(Guid Id, DateOnly Date, string Name);

/// <summary>R14: monitored hours, the response target and the holiday calendar; and a deadline preview that shows its working.</summary>
internal static class ServiceLevelEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/policies/municipalities/{municipalityId:guid}").WithTags("Service levels")
            .RequireAuthorization();
        api.MapGet("/service-level", GetAsync);
        api.MapPut("/service-level", UpdateAsync).Validates<ServiceLevelRequest>()
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator));
        api.MapPost("/holidays", AddHolidayAsync).Validates<HolidayRequest>()
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator));
        api.MapDelete("/holidays/{id:guid}", RemoveHolidayAsync)
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator));
        api.MapGet("/deadline", DeadlineAsync);
    }

    private static async Task<IResult> GetAsync(Guid municipalityId, PoliciesDbContext db, CancellationToken ct)
    {
        var level = await db.ServiceLevels.AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
        if (level is null)
        {
            return TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
        }

        var holidays = await db.Holidays.AsNoTracking().Where(h => h.MunicipalityId == municipalityId).OrderBy(h => h.Date)
            .Select(h => new HolidayResponse(h.Id, h.Date, h.Name)).ToListAsync(ct);
        return TypedResults.Ok(new ServiceLevelResponse(municipalityId, level.Opens, level.Closes, [.. level.Days],
            level.ResponseTargetHours, holidays));
    }

    private static async Task<IResult> UpdateAsync(Guid municipalityId, ServiceLevelRequest request, PoliciesDbContext db,
        AuditTrail audit, CancellationToken ct)
    {
        var level = await db.ServiceLevels.FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, ct);
        if (level is null)
        {
            return TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
        }

        if (request.Closes <= request.Opens)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["closes"] = ["Closing time must be after opening time."] });
        }

        level.Opens = request.Opens!.Value;
        level.Closes = request.Closes!.Value;
        level.BusinessDays = string.Join(',', request.BusinessDays.Distinct().Order());
        level.ResponseTargetHours = request.ResponseTargetHours;
        audit.Record(db, "service-level.updated", "ServiceLevel", municipalityId.ToString(), municipalityId,
            $"{level.Opens:HH:mm}-{level.Closes:HH:mm} {level.BusinessDays}, target {level.ResponseTargetHours} h");
        await db.SaveChangesAsync(ct);
        return await GetAsync(municipalityId, db, ct);
    }

    private static async Task<IResult> AddHolidayAsync(Guid municipalityId, HolidayRequest request, PoliciesDbContext db,
        ITenantScope tenant, AuditTrail audit, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await db.Holidays.AnyAsync(h => h.MunicipalityId == municipalityId && h.Date == request.Date, ct))
        {
            return TypedResults.Problem("That date is already a holiday.", statusCode: StatusCodes.Status409Conflict);
        }

        var holiday = new Holiday { Id = Guid.NewGuid(), MunicipalityId = municipalityId, Date = request.Date!.Value, Name = request.Name.Trim() };
        db.Holidays.Add(holiday);
        audit.Record(db, "holiday.added", "Holiday", holiday.Id.ToString(), municipalityId, $"{holiday.Date} {holiday.Name}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/policies/municipalities/{municipalityId}/holidays/{holiday.Id}",
            new HolidayResponse(holiday.Id, holiday.Date, holiday.Name));
    }

    private static async Task<IResult> RemoveHolidayAsync(Guid municipalityId, Guid id, PoliciesDbContext db, AuditTrail audit,
        CancellationToken ct)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id && h.MunicipalityId == municipalityId, ct);
        if (holiday is null)
        {
            return TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
        }

        db.Holidays.Remove(holiday);
        audit.Record(db, "holiday.removed", "Holiday", holiday.Id.ToString(), municipalityId, $"{holiday.Date} {holiday.Name}");
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Previews a deadline: <c>?start=...&amp;businessDays=10</c> or <c>&amp;businessHours=8</c>.</summary>
    private static async Task<IResult> DeadlineAsync(Guid municipalityId, DateTimeOffset? start, int? businessDays,
        double? businessHours, ITenantScope tenant, PolicyCatalog calendars, TimeProvider clock, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
        }

        if (businessDays is null == businessHours is null || businessDays is < 0 or > 3650 || businessHours is < 0 or > 10000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["businessDays"] = ["Give either businessDays (0 to 3650) or businessHours (0 to 10000)."],
            });
        }

        var calendar = await calendars.CalendarAsync(municipalityId, ct);
        var from = start ?? clock.GetUtcNow();
        return TypedResults.Ok(businessDays is { } days
            ? calendar.AddBusinessDays(from, days)
            : calendar.AddBusinessHours(from, TimeSpan.FromHours(businessHours!.Value)));
    }
}
