using System.Text;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Mail;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.SignIn;

internal sealed record TwoFactorState(bool IsTwoFactorEnabled, bool IsRequired, string? SharedKey, string? AuthenticatorUri,
    int RecoveryCodesLeft, string[]? RecoveryCodes);

/// <summary>
/// A signed-in person's own password, e-mail address and two-step sign-in (ASVS 2.5, 3.3). Each change needs the
/// current password or code, ends every sign-in of the account, is a security event, and is told to the account's
/// address (the old one, for an e-mail change).
/// </summary>
internal sealed class AccountChanges(UserManager<StaffUser> users, AccountsDbContext db, StaffSessions sessions, StaffSignIn signIn,
    ISecurityEvents events, IEmailSender<StaffUser> secrets, Platform.Outbox.Outbox outbox, PublicAddress address,
    IHttpContextAccessor http, ICurrentActor actor, TimeProvider clock, IUserStore<StaffUser> store)
{
    private IUserAuthenticatorKeyStore<StaffUser> Keys => (IUserAuthenticatorKeyStore<StaffUser>)store;

    public async Task<Result<bool>> ChangePasswordAsync(StaffUser user, string currentPassword, string newPassword, CancellationToken ct)
    {
        if (await CurrentPasswordProblemAsync(user, currentPassword, ct) is { } problem)
        {
            return Result<bool>.Invalid("currentPassword", problem);
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            await events.RecordAsync("password.change-refused", user.Email, string.Join(" ", changed.Errors.Select(e => e.Code)), ct);
            return Result<bool>.Invalid(changed.Errors
                .GroupBy(e => e.Code == "PasswordMismatch" ? "currentPassword" : "newPassword")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Code == "PasswordMismatch" ? "The current password is not correct." : e.Description).ToArray()));
        }

        await EndSessionsAsync(user, "password changed", ct);
        Notify(user.Email!, "Your Governance password was changed",
            $"Hello {user.DisplayName},\n\nThe password of your Governance account was changed {When()}. Every sign-in was ended.\n\n"
            + "If you did not do this, tell your administrator at once.\n");
        await db.SaveChangesAsync(ct);
        await events.RecordAsync("password.changed", user.Email, null, ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>Sends a confirmation link to the new address; nothing changes until it is opened.</summary>
    public async Task<Result<bool>> RequestEmailChangeAsync(StaffUser user, string newEmail, string currentPassword, CancellationToken ct)
    {
        newEmail = newEmail.Trim();
        if (await CurrentPasswordProblemAsync(user, currentPassword, ct) is { } problem)
        {
            return Result<bool>.Invalid("currentPassword", problem);
        }

        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Result<bool>.Invalid("newEmail", "This is already your e-mail address.");
        }

        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            return Result<bool>.Conflict("Another staff account uses this e-mail address.");
        }

        if (!await MaySendMailAsync(newEmail, ct))
        {
            return Result<bool>.Conflict("Too many confirmation e-mails were sent. Try again in an hour.");
        }

        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = $"{BaseUrl}/account/confirm-email?user={user.Id}&email={Uri.EscapeDataString(newEmail)}&code={Encode(token)}";
        await secrets.SendConfirmationLinkAsync(user, newEmail, link);
        Notify(user.Email!, "A change of your Governance e-mail address was asked for",
            $"Hello {user.DisplayName},\n\nSomeone signed in to your Governance account asked {When()} to move it to another e-mail "
            + "address. It changes only when the link sent to the new address is opened.\n\nIf this was not you, change your password "
            + "and tell your administrator.\n");
        await db.SaveChangesAsync(ct);
        await events.RecordAsync("email-change.requested", user.Email, $"to {newEmail}", ct);
        return Result<bool>.Ok(true);
    }

    public async Task<Result<bool>> ConfirmEmailChangeAsync(Guid userId, string newEmail, string code, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var token = Decode(code);
        var oldEmail = user?.Email;
        if (user is null || token is null || !(await users.ChangeEmailAsync(user, newEmail, token)).Succeeded)
        {
            return Result<bool>.Invalid("code", "This link is not valid any more. Ask for the change again.");
        }

        await users.SetUserNameAsync(user, newEmail);
        await EndSessionsAsync(user, "e-mail changed", ct);
        Notify(oldEmail!, "Your Governance e-mail address was changed",
            $"Hello {user.DisplayName},\n\nYour Governance account now signs in with {newEmail} instead of this address ({When()}).\n\n"
            + "If you did not ask for this, tell your administrator at once.\n");
        await db.SaveChangesAsync(ct);
        await events.RecordAsync("email.changed", newEmail, $"from {oldEmail}", ct);
        return Result<bool>.Ok(true);
    }

    public async Task<TwoFactorState> TwoFactorAsync(StaffUser user, string[]? newRecoveryCodes, CancellationToken ct)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Identity's ResetAuthenticatorKeyAsync also renews the security stamp, which would end the caller's
            // own session for a mere look; a key for two-step sign-in that is still off changes no sign-in.
            key = users.GenerateNewAuthenticatorKey();
            await Keys.SetAuthenticatorKeyAsync(user, key, ct);
            await users.UpdateAsync(user);
        }

        var issuer = Uri.EscapeDataString("Governance");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        return new TwoFactorState(user.TwoFactorEnabled, await signIn.RequiresTwoFactorAsync(user, ct),
            user.TwoFactorEnabled ? null : key, user.TwoFactorEnabled ? null : uri, await users.CountRecoveryCodesAsync(user),
            newRecoveryCodes);
    }

    /// <summary>Turns two-step sign-in on with a code from the app; returns the recovery codes, shown once.</summary>
    public async Task<Result<string[]>> EnableTwoFactorAsync(StaffUser user, string code, CancellationToken ct)
    {
        if (await CodeProblemAsync(user, code, ct) is { } problem)
        {
            return Result<string[]>.Invalid("twoFactorCode", problem);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToArray();
        await EndSessionsAsync(user, "two-step sign-in turned on", ct);
        Notify(user.Email!, "Two-step sign-in is on for your Governance account",
            $"Hello {user.DisplayName},\n\nTwo-step sign-in was turned on for your account {When()}.\n");
        await db.SaveChangesAsync(ct);
        await events.RecordAsync("two-factor.enabled", user.Email, null, ct);
        return Result<string[]>.Ok(codes);
    }

    public async Task<Result<bool>> DisableTwoFactorAsync(StaffUser user, string code, CancellationToken ct)
    {
        if (await signIn.RequiresTwoFactorAsync(user, ct))
        {
            return Result<bool>.Conflict("Your municipality requires two-step sign-in for your role; it cannot be turned off.");
        }

        if (await CodeProblemAsync(user, code, ct) is { } problem)
        {
            return Result<bool>.Invalid("twoFactorCode", problem);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await EndSessionsAsync(user, "two-step sign-in turned off", ct);
        Notify(user.Email!, "Two-step sign-in is off for your Governance account",
            $"Hello {user.DisplayName},\n\nTwo-step sign-in was turned off for your account {When()}. If this was not you, "
            + "tell your administrator at once.\n");
        await db.SaveChangesAsync(ct);
        await events.RecordAsync("two-factor.disabled", user.Email, null, ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>Why the code is refused (wrong, used before, or too many tries), or null: throttled like sign-in.</summary>
    private async Task<string?> CodeProblemAsync(StaffUser user, string code, CancellationToken ct)
        => (await signIn.CheckAuthenticatorCodeAsync(user, code, ct)) switch
        {
            { Status: SignInStatus.Succeeded } => null,
            { Status: SignInStatus.Throttled } throttled => throttled.Message,
            _ => "The code is not correct. Enter the 6 digits your app shows now.",
        };

    /// <summary>Why the current password is refused, or null: throttled like sign-in, so a stolen session cannot guess it.</summary>
    private async Task<string?> CurrentPasswordProblemAsync(StaffUser user, string password, CancellationToken ct)
        => (await signIn.CheckCurrentPasswordAsync(user, password, ct)) switch
        {
            { Status: SignInStatus.Succeeded } => null,
            { Status: SignInStatus.Throttled } throttled => throttled.Message,
            _ => "The current password is not correct.",
        };

    /// <summary>Counts a password-reset or confirmation e-mail against the limits; false when over them.</summary>
    public async Task<bool> MaySendMailAsync(string account, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - SignInLimits.MailWindow;
        var from = ClientAddress.LimitKey(actor.Address);
        account = StaffSignIn.Key(account);
        var sent = await db.SecurityAttempts.AsNoTracking()
            .Where(a => a.Kind == SecurityAttempt.AccountMail && a.At > since && (a.Account == account || a.Address == from))
            .Select(a => new { a.Account, a.Address, a.At }).ToListAsync(ct);
        if (!SignInLimits.MaySendMail(sent.Where(s => s.Account == account).Select(s => s.At).ToList(),
                sent.Where(s => s.Address == from).Select(s => s.At).ToList(), now))
        {
            await events.RecordAsync("account-mail.limited", account.ToLowerInvariant(), null, ct);
            return false;
        }

        db.SecurityAttempts.Add(new SecurityAttempt { Id = Guid.NewGuid(), Kind = SecurityAttempt.AccountMail, Account = account, Address = from, At = now });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public string BaseUrl => address.BaseUrl(http.HttpContext!.Request);

    public async Task EndSessionsAsync(StaffUser user, string reason, CancellationToken ct)
    {
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, reason, ct);
    }

    public void Notify(string to, string subject, string body) => outbox.Mail(db, new OutgoingMail(to, subject, body));

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string When() => $"on {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC from address {actor.Address ?? "unknown"}";
}
