using Governance.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Web;

/// <summary>
/// A signed-in person refused (403) or sent to a record that is not theirs to see (404: another municipality's
/// ids answer exactly like ids that do not exist) is a security event: probing shows up in the trail.
/// </summary>
public static class RefusedRequests
{
    public static async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status302Found && context.Response.Headers.Location.ToString().Contains("/access-denied", StringComparison.Ordinal))
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
