using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Governance.Accounts.Features.SignIn;

internal sealed record AccountInfo(string Email, string DisplayName, bool IsTwoFactorEnabled);

internal sealed record ChangePasswordRequest(
    [property: Required, MaxLength(200)] string CurrentPassword,
    [property: Required, MinLength(12), MaxLength(200)] string NewPassword);

internal sealed record ChangeEmailRequest(
    [property: Required, EmailAddress, MaxLength(256), SingleLine] string NewEmail,
    [property: Required, MaxLength(200)] string CurrentPassword);

internal sealed record ConfirmEmailRequest(
    [property: Required] Guid? UserId,
    [property: Required, EmailAddress, MaxLength(256), SingleLine] string Email,
    [property: Required, MaxLength(2000)] string Code);

/// <param name="Enable">True to turn two-step sign-in on, false to turn it off; both need a current code.</param>
internal sealed record TwoFactorRequest(bool Enable, [property: Required, MaxLength(16)] string TwoFactorCode);

/// <summary>A signed-in person's own account: what it is, its password, e-mail and two-step sign-in.</summary>
internal static class ManageAccount
{
    public static void Map(RouteGroupBuilder auth)
    {
        var manage = auth.MapGroup("/manage").RequireAuthorization();
        manage.MapGet("/info", async (ClaimsPrincipal principal, UserManager<StaffUser> users) =>
            await users.GetUserAsync(principal) is { } user
                ? Results.Ok(new AccountInfo(user.Email!, user.DisplayName, user.TwoFactorEnabled))
                : Results.Unauthorized());
        manage.MapPost("/password", async (ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<StaffUser> users,
                AccountChanges changes, CancellationToken ct) =>
                (await changes.ChangePasswordAsync((await users.GetUserAsync(principal))!, request.CurrentPassword, request.NewPassword, ct))
                .ToHttp(_ => Results.Ok(new { message = "Password changed. Every sign-in of this account has ended: sign in again." })))
            .Validates<ChangePasswordRequest>();
        manage.MapPost("/email", async (ChangeEmailRequest request, ClaimsPrincipal principal, UserManager<StaffUser> users,
                AccountChanges changes, CancellationToken ct) =>
                (await changes.RequestEmailChangeAsync((await users.GetUserAsync(principal))!, request.NewEmail, request.CurrentPassword, ct))
                .ToHttp(_ => Results.Accepted(value: new { message = "A confirmation link was sent to the new address. Nothing changes until it is opened." })))
            .Validates<ChangeEmailRequest>();
        manage.MapGet("/2fa", async (ClaimsPrincipal principal, UserManager<StaffUser> users, AccountChanges changes, CancellationToken ct) =>
            Results.Ok(await changes.TwoFactorAsync((await users.GetUserAsync(principal))!, null, ct)));
        manage.MapPost("/2fa", async (TwoFactorRequest request, ClaimsPrincipal principal, UserManager<StaffUser> users,
                AccountChanges changes, CancellationToken ct) =>
            {
                var user = (await users.GetUserAsync(principal))!;
                return request.Enable
                    ? (await changes.EnableTwoFactorAsync(user, request.TwoFactorCode, ct))
                        .ToHttp(codes => Results.Ok(new { message = "Two-step sign-in is on. Keep these recovery codes somewhere safe; they are shown once. Sign in again.", recoveryCodes = codes }))
                    : (await changes.DisableTwoFactorAsync(user, request.TwoFactorCode, ct))
                        .ToHttp(_ => Results.Ok(new { message = "Two-step sign-in is off. Sign in again." }));
            })
            .Validates<TwoFactorRequest>();
        auth.MapPost("/confirmEmail", async (ConfirmEmailRequest request, AccountChanges changes, CancellationToken ct) =>
                (await changes.ConfirmEmailChangeAsync(request.UserId!.Value, request.Email, request.Code, ct))
                .ToHttp(_ => Results.Ok(new { message = "Your e-mail address is changed. Sign in with the new address." })))
            .AllowAnonymous().Validates<ConfirmEmailRequest>().RequireRateLimiting(RateLimits.PublicForms);
    }
}
