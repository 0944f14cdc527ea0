using Governance.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Web;

/// <summary>Small helpers every module's pages share.</summary>
public static class PageHelpers
{
    private const string ChosenCookie = "governance.municipality";

    /// <summary>
    /// The municipality a staff page works on: <c>?m=</c> if the user serves it, else the one they chose in the
    /// header, else their first.
    /// </summary>
    public static Guid? CurrentMunicipality(HttpContext context)
    {
        var scope = context.RequestServices.GetRequiredService<ITenantScope>();
        foreach (var candidate in new[] { context.Request.Query["m"].ToString(), context.Request.Cookies[ChosenCookie] })
        {
            if (Guid.TryParse(candidate, out var chosen) && scope.Allows(chosen))
            {
                return chosen;
            }
        }

        return scope.MunicipalityIds.Order().Select(id => (Guid?)id).FirstOrDefault();
    }

    /// <summary>Remembers the municipality chosen in the header; a preference only, checked against the user's scope on every use.</summary>
    public static void Remember(HttpContext context, Guid municipalityId)
        => context.Response.Cookies.Append(ChosenCookie, municipalityId.ToString(), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
        });

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
