using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.SignIn;

internal enum SignInStatus
{
    Succeeded,
    /// <summary>Wrong e-mail or password, or an account that may not sign in: one answer for all.</summary>
    Failed,
    /// <summary>The password was right; the authenticator code is needed.</summary>
    RequiresTwoFactor,
    /// <summary>The password was right; the municipality requires two-step sign-in and it is not set up yet.</summary>
    RequiresTwoFactorSetup,
    /// <summary>Too many failures: wait <see cref="SignInOutcome.RetryAfter"/>.</summary>
    Throttled,
}

internal sealed record SignInOutcome(SignInStatus Status, StaffUser? User = null, TimeSpan? RetryAfter = null)
{
    public string Message => Status switch
    {
        SignInStatus.Throttled =>
            $"Too many sign-in attempts. Wait {Math.Ceiling(RetryAfter!.Value.TotalSeconds):0} seconds, then try again.",
        SignInStatus.RequiresTwoFactor => "Enter the 6-digit code from your authenticator app.",
        SignInStatus.RequiresTwoFactorSetup => "Your municipality requires two-step sign-in for your role. Set it up to continue.",
        _ => "The e-mail address or password is not correct.",
    };
}

/// <summary>
/// The one sign-in check, for the page and the API (ASVS 2.2, 2.8): the same work and the same answer whether
/// or not the account exists; failures slow down per address and per account (<see cref="SignInLimits"/>)
/// instead of locking the account; every failure and every wait is a security event.
/// </summary>
internal sealed class StaffSignIn(UserManager<StaffUser> users, AccountsDbContext db, IPasswordHasher<StaffUser> hasher,
    ISecurityEvents events, ICurrentActor actor, TimeProvider clock)
{
    private const string TokenProvider = "Governance";

    private const string LastStepToken = "authenticator-last-step";

    // A hash of a random password, checked when the account does not exist so the answer takes as long.
    private static string? _decoyHash;

    public async Task<SignInOutcome> CheckPasswordAsync(string email, string password, CancellationToken ct)
    {
        var account = Key(email);
        if (await WaitAsync(account, ct) is { } wait)
        {
            return new SignInOutcome(SignInStatus.Throttled, RetryAfter: wait);
        }

        var user = await users.FindByEmailAsync(email.Trim());
        var matches = user?.PasswordHash is not null
            ? await users.CheckPasswordAsync(user, password)
            : Decoy(password);
        if (!matches || user is null || await users.IsLockedOutAsync(user))
        {
            await FailAsync(account, "sign-in.failed", ct);
            return new SignInOutcome(SignInStatus.Failed);
        }

        if (user.TwoFactorEnabled)
        {
            return new SignInOutcome(SignInStatus.RequiresTwoFactor, user);
        }

        return await RequiresTwoFactorAsync(user, ct)
            ? new SignInOutcome(SignInStatus.RequiresTwoFactorSetup, user)
            : await SucceedAsync(user, "password", ct);
    }

    /// <summary>The second step: the authenticator code (or a recovery code) of a user whose password was right.</summary>
    public async Task<SignInOutcome> CheckSecondFactorAsync(StaffUser user, string? code, string? recoveryCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var checkedCode = await CheckAuthenticatorCodeAsync(user, code, ct);
            return checkedCode.Status == SignInStatus.Succeeded ? await SucceedAsync(user, "authenticator code", ct) : checkedCode;
        }

        var account = Key(user.Email!);
        if (await WaitAsync(account, ct) is { } wait)
        {
            return new SignInOutcome(SignInStatus.Throttled, RetryAfter: wait);
        }

        if (string.IsNullOrWhiteSpace(recoveryCode)
            || !(await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Replace(" ", "", StringComparison.Ordinal))).Succeeded)
        {
            await FailAsync(account, "sign-in.second-factor-failed", ct);
            return new SignInOutcome(SignInStatus.Failed);
        }

        return await SucceedAsync(user, "recovery code", ct);
    }

    /// <summary>
    /// An authenticator code of the user's key, throttled like a password and accepted once (ASVS 2.8.4): the step
    /// it belongs to is kept, and a code of that step or an earlier one is refused.
    /// </summary>
    public async Task<SignInOutcome> CheckAuthenticatorCodeAsync(StaffUser user, string code, CancellationToken ct)
    {
        var account = Key(user.Email!);
        if (await WaitAsync(account, ct) is { } wait)
        {
            return new SignInOutcome(SignInStatus.Throttled, RetryAfter: wait);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        var last = long.TryParse(await users.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken), out var used) ? used : 0;
        if (key is null || Totp.Match(key, Digits(code), clock.GetUtcNow(), last) is not { } step)
        {
            await FailAsync(account, "two-factor.wrong-code", ct);
            return new SignInOutcome(SignInStatus.Failed);
        }

        await users.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SignInOutcome(SignInStatus.Succeeded, user);
    }

    /// <summary>The current password of a signed-in user, before a change: throttled like sign-in.</summary>
    public async Task<SignInOutcome> CheckCurrentPasswordAsync(StaffUser user, string password, CancellationToken ct)
    {
        var account = Key(user.Email!);
        if (await WaitAsync(account, ct) is { } wait)
        {
            return new SignInOutcome(SignInStatus.Throttled, RetryAfter: wait);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await FailAsync(account, "password.wrong-current", ct);
            return new SignInOutcome(SignInStatus.Failed);
        }

        return new SignInOutcome(SignInStatus.Succeeded, user);
    }

    /// <summary>Whether one of the user's municipalities requires two-step sign-in of one of the user's roles.</summary>
    public async Task<bool> RequiresTwoFactorAsync(StaffUser user, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        if (!roles.Any(Municipality.TwoFactorRoles.Contains))
        {
            return false;
        }

        return await (from a in db.Assignments
                      join m in db.Municipalities.IgnoreQueryFilters() on a.MunicipalityId equals m.Id
                      where a.UserId == user.Id && m.RequireTwoFactor
                      select a).AnyAsync(ct);
    }

    public static string Digits(string code) => new(code.Where(char.IsDigit).ToArray());

    private async Task<SignInOutcome> SucceedAsync(StaffUser user, string how, CancellationToken ct)
    {
        await events.RecordAsync("sign-in.succeeded", user.Email, $"with {how}", ct);
        return new SignInOutcome(SignInStatus.Succeeded, user);
    }

    private async Task<TimeSpan?> WaitAsync(string account, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - SignInLimits.Window;
        var address = ClientAddress.LimitKey(actor.Address);
        var failures = await db.SecurityAttempts.AsNoTracking()
            .Where(a => a.Kind == SecurityAttempt.SignInFailure && a.At > since && (a.Account == account || a.Address == address))
            .Select(a => new { a.Account, a.Address, a.At })
            .ToListAsync(ct);
        var wait = SignInLimits.WaitBeforeSignIn(
            failures.Where(f => f.Account == account && f.Address == address).Select(f => f.At).ToList(),
            failures.Where(f => f.Account == account).Select(f => f.At).ToList(),
            failures.Where(f => f.Address == address).Select(f => f.At).ToList(),
            now);
        if (wait is not null)
        {
            await events.RecordAsync("sign-in.throttled", Shown(account), $"asked to wait {Math.Ceiling(wait.Value.TotalSeconds):0} s", ct);
        }

        return wait;
    }

    private async Task FailAsync(string account, string kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.SecurityAttempts.Add(new SecurityAttempt
        {
            Id = Guid.NewGuid(), Kind = SecurityAttempt.SignInFailure, Account = account, Address = ClientAddress.LimitKey(actor.Address), At = now,
        });
        // A day is far longer than any limit's window.
        await db.SecurityAttempts.Where(a => a.At < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await events.RecordAsync(kind, Shown(account), null, ct);

        var recent = await db.SecurityAttempts.CountAsync(a => a.Kind == SecurityAttempt.SignInFailure && a.Account == account
            && a.At > now - SignInLimits.Window, ct);
        if (SignInLimits.LooksLikeAnAttack(recent))
        {
            await events.RecordAsync("sign-in.attack-suspected", Shown(account), $"{recent} failures in {SignInLimits.Window.TotalMinutes:0} minutes", ct);
        }
    }

    private bool Decoy(string password)
    {
        var decoyUser = new StaffUser();
        _decoyHash ??= hasher.HashPassword(decoyUser, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(decoyUser, _decoyHash, password);
        return false;
    }

    /// <summary>
    /// What the limits count by: the address as Identity looks it up (Unicode-normalised, upper case), so no
    /// spelling of an address that finds the account gets tries of its own.
    /// </summary>
    public static string Key(string email) => email.Trim().Normalize().ToUpperInvariant();

    /// <summary>A limit's key as the security events show it.</summary>
    private static string Shown(string key) => key.ToLowerInvariant();
}
