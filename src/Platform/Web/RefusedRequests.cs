using Governance.SharedKernel;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Web;

/// <summary>
/// A signed-in person refused (403) or sent to a record that is not theirs to see (404: another municipality's
/// ids answer exactly like ids that do not exist) is a security event: probing shows up in the trail.
/// </summary>
public static class RefusedRequests
{
    /// <summary>Where a page sends a signed-in person it refuses (the cookie's AccessDeniedPath).</summary>
    public const string AccessDeniedPath = "/access-denied";

    public static async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        await next();
        // The status page re-executed for a refusal, or the access-denied page a refusal redirected to, is not a second one.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Request.Path.StartsWithSegments(AccessDeniedPath))
        {
            return;
        }

        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status302Found && context.Response.Headers.Location.ToString().Contains(AccessDeniedPath, StringComparison.Ordinal))
        {
            status = StatusCodes.Status403Forbidden; // a page's refusal is a redirect to the access-denied page
        }

        if (context.User.Identity?.IsAuthenticated != true
            || (status != StatusCodes.Status403Forbidden && !(status == StatusCodes.Status404NotFound && context.GetEndpoint() is not null)))
        {
            return;
        }

        var events = context.RequestServices.GetService<ISecurityEvents>();
        if (events is not null)
        {
            var kind = status == StatusCodes.Status403Forbidden ? "request.forbidden" : "request.not-found";
            await events.RecordAsync(kind, null, $"{context.Request.Method} {context.Request.Path}", CancellationToken.None);
        }
    }
}
