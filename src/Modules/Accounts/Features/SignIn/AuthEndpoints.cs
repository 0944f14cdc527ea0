using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Governance.Accounts.Features.SignIn;

internal sealed record LoginRequest(
    [property: Required, MaxLength(256), SingleLine] string Email,
    [property: Required, MaxLength(200)] string Password,
    [property: MaxLength(16)] string? TwoFactorCode = null,
    [property: MaxLength(32)] string? TwoFactorRecoveryCode = null);

internal sealed record RefreshRequest([property: Required, MaxLength(8000)] string RefreshToken);

/// <summary>
/// Staff sign-in for API clients: bearer tokens valid 10 minutes, renewed with a refresh token until the session
/// ends (sign-out, 30 idle minutes, 8 hours, or a change of password, e-mail, roles or two-step sign-in).
/// There is no registration endpoint: an Administrator creates staff accounts.
/// </summary>
internal static class AuthEndpoints
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Authentication");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().Validates<LoginRequest>()
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().Validates<RefreshRequest>()
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", async (HttpContext context, StaffSessions sessions, Governance.SharedKernel.ISecurityEvents events,
                CancellationToken ct) =>
            {
                await sessions.EndAsync(context.User, "signed out", ct);
                await events.RecordAsync("signed-out", null, null, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization();
        ManageAccount.Map(auth);
        PasswordReset.Map(auth);
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, StaffSignIn signIn, StaffSessions sessions, HttpContext context,
        CancellationToken ct)
    {
        var outcome = await signIn.CheckPasswordAsync(request.Email, request.Password, ct);
        var secondFactor = false;
        if (outcome.Status == SignInStatus.RequiresTwoFactor
            && (!string.IsNullOrWhiteSpace(request.TwoFactorCode) || !string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode)))
        {
            outcome = await signIn.CheckSecondFactorAsync(outcome.User!, request.TwoFactorCode, request.TwoFactorRecoveryCode, ct);
            secondFactor = true;
        }

        return outcome.Status switch
        {
            SignInStatus.Succeeded => await BearerAsync(sessions.StartAsync(outcome.User!, secondFactor, ct)),
            SignInStatus.Throttled => Throttled(outcome, context),
            SignInStatus.RequiresTwoFactor => TypedResults.Problem(outcome.Message, title: "RequiresTwoFactor",
                statusCode: StatusCodes.Status401Unauthorized),
            SignInStatus.RequiresTwoFactorSetup => TypedResults.Problem(
                $"{outcome.Message} Sign in once on the web page (/login) to set it up.", title: "RequiresTwoFactorSetup",
                statusCode: StatusCodes.Status401Unauthorized),
            _ => TypedResults.Problem(outcome.Message, title: "Failed", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, StaffSessions sessions,
        IOptionsMonitor<BearerTokenOptions> bearer, CancellationToken ct)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        var renewed = ticket is null ? null : await sessions.RefreshAsync(ticket, ct);
        return renewed is { } r
            ? TypedResults.SignIn(r.Principal, r.Properties, IdentityConstants.BearerScheme)
            : TypedResults.Problem("The refresh token is not valid any more. Sign in again.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> BearerAsync(Task<(System.Security.Claims.ClaimsPrincipal Principal,
        Microsoft.AspNetCore.Authentication.AuthenticationProperties Properties)> started)
    {
        var (principal, properties) = await started;
        return TypedResults.SignIn(principal, properties, IdentityConstants.BearerScheme);
    }

    public static ProblemHttpResult Throttled(SignInOutcome outcome, HttpContext context)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(outcome.Message, title: "Too many attempts", statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds) });
    }
}
