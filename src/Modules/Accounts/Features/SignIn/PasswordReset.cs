using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Governance.Accounts.Features.SignIn;

internal sealed record ForgotPasswordRequest([property: Required, EmailAddress, MaxLength(256), SingleLine] string Email);

internal sealed record ResetPasswordRequest(
    [property: Required, EmailAddress, MaxLength(256), SingleLine] string Email,
    [property: Required, MaxLength(2000)] string ResetCode,
    [property: Required, MinLength(12), MaxLength(200)] string NewPassword);

/// <summary>
/// A forgotten password: a reset link to the account's address, at most a few an hour (<see cref="SignInLimits"/>),
/// and the same answer whether or not the address has an account.
/// </summary>
internal sealed class PasswordReset(UserManager<StaffUser> users, AccountsDbContext db, AccountChanges changes, ISecurityEvents events,
    IEmailSender<StaffUser> secrets)
{
    public const string Answer = "If this address has a staff account, a link to choose a new password is on its way.";

    public async Task RequestAsync(string email, CancellationToken ct)
    {
        if (!await changes.MaySendMailAsync(email, ct))
        {
            return;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await events.RecordAsync("password-reset.unknown-account", email, null, ct);
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{changes.BaseUrl}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={AccountChanges.Encode(token)}";
        await secrets.SendPasswordResetLinkAsync(user, user.Email!, link);
        await events.RecordAsync("password-reset.requested", user.Email, null, ct);
    }

    public async Task<Result<bool>> ResetAsync(ResetPasswordRequest request, CancellationToken ct)
    {
        // The password rules are checked first, so the answer does not depend on whether the account exists.
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, new StaffUser(), request.NewPassword);
            if (!checkedPassword.Succeeded)
            {
                return Result<bool>.Invalid("newPassword", string.Join(" ", checkedPassword.Errors.Select(e => e.Description)));
            }
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        var token = AccountChanges.Decode(request.ResetCode);
        if (user is null || token is null || !(await users.ResetPasswordAsync(user, token, request.NewPassword)).Succeeded)
        {
            await events.RecordAsync("password-reset.refused", request.Email, null, ct);
            return Result<bool>.Invalid("resetCode", "This reset link is not valid any more. Ask for a new one.");
        }

        await changes.EndSessionsAsync(user, "password reset", ct);
        changes.Notify(user.Email!, "Your Governance password was reset",
            $"Hello {user.DisplayName},\n\nThe password of your Governance account was reset with a link sent to this address. "
            + "Every sign-in was ended.\n\nIf you did not do this, tell your administrator at once.\n");
        await db.SaveChangesAsync(ct);
        await events.RecordAsync("password.reset", user.Email, null, ct);
        return Result<bool>.Ok(true);
    }

    public static void Map(RouteGroupBuilder auth)
    {
        auth.MapPost("/forgotPassword", async (ForgotPasswordRequest request, PasswordReset reset, CancellationToken ct) =>
            {
                await reset.RequestAsync(request.Email, ct);
                return Results.Ok(new { message = Answer });
            })
            .AllowAnonymous().Validates<ForgotPasswordRequest>().RequireRateLimiting(RateLimits.PublicForms);
        auth.MapPost("/resetPassword", async (ResetPasswordRequest request, PasswordReset reset, CancellationToken ct) =>
                (await reset.ResetAsync(request, ct)).ToHttp(_ => Results.Ok(new { message = "Your password is changed. Sign in with it." })))
            .AllowAnonymous().Validates<ResetPasswordRequest>().RequireRateLimiting(RateLimits.PublicForms);
    }
}
