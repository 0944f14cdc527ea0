using Governance.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Web;

/// <summary>Small helpers every module's pages share.</summary>
public static class PageHelpers
{
    /// <summary>The municipality a staff page works on: <c>?m=</c> if the user serves it, else their first.</summary>
    public static Guid? CurrentMunicipality(HttpContext context)
    {
        var scope = context.RequestServices.GetRequiredService<ITenantScope>();
        if (Guid.TryParse(context.Request.Query["m"], out var chosen) && scope.Allows(chosen))
        {
            return chosen;
        }

        return scope.MunicipalityIds.Order().Select(id => (Guid?)id).FirstOrDefault();
    }

    /// <summary>A time typed in a form (the municipality's local time) as UTC.</summary>
    public static DateTimeOffset ToUtc(DateTime local, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>A UTC time shown in the municipality's local time, in plain words.</summary>
    public static string Local(DateTimeOffset utc, string timeZoneId = "America/Toronto")
        => TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).ToString("d MMM yyyy, HH:mm");

}
