using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Web;

/// <summary>Whether a signed-in principal's server-side session is still open (implemented by Accounts).</summary>
public interface ISessionCheck
{
    Task<bool> IsOpenAsync(ClaimsPrincipal principal, CancellationToken ct);
}

/// <summary>
/// Every authenticated request, cookie or bearer token, must belong to an open session: a signed-out, expired or
/// superseded sign-in counts as no sign-in at all, so it is challenged (401, or the sign-in page), not forbidden.
/// </summary>
public static class OpenSessions
{
    public static async Task RequireAsync(HttpContext context, Func<Task> next)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.RequestServices.GetService<ISessionCheck>() is { } sessions
            && !await sessions.IsOpenAsync(context.User, context.RequestAborted))
        {
            // Authorization reuses the stored authentication result: replace it, not only the user.
            if (context.Features.Get<IAuthenticateResultFeature>() is { } result)
            {
                result.AuthenticateResult = AuthenticateResult.NoResult();
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next();
    }
}
