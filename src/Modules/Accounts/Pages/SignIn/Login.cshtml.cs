using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.SignIn;

/// <summary>
/// Staff sign-in in up to two steps: e-mail and password, then the authenticator code (or, where the municipality
/// requires two-step sign-in and it is not set up yet, setting it up). Between the steps the page carries a signed
/// note that the password was right, valid five minutes, never the password.
/// </summary>
[AllowAnonymous]
internal sealed class LoginModel(StaffSignIn signIn, StaffSessions sessions, AccountChanges changes, UserManager<StaffUser> users,
    IDataProtectionProvider protection) : PageModel
{
    private static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(5);

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>"password", "code" or "setup".</summary>
    public string Step { get; private set; } = "password";

    [BindProperty]
    public string? Pending { get; set; }

    [BindProperty]
    [MaxLength(16)]
    public string? Code { get; set; }

    [BindProperty]
    [MaxLength(32)]
    public string? RecoveryCode { get; set; }

    public TwoFactorState? Setup { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Why the person is here again: "password", "email", "reset", "two-factor" or "ended".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Changed { get; set; }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Governance.SignIn.Pending").ToTimeLimitedDataProtector();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await signIn.CheckPasswordAsync(Input.Email, Input.Password, ct);
        return await NextAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await PendingUserAsync("code") is not { TwoFactorEnabled: true } user)
        {
            return Expired();
        }

        var outcome = await signIn.CheckSecondFactorAsync(user, Code, RecoveryCode, ct);
        return outcome.Status switch
        {
            SignInStatus.Failed => Again("code", user, "The code is not correct. Enter the 6 digits your app shows now."),
            SignInStatus.Throttled => Again("code", user, outcome.Message),
            _ => await NextAsync(outcome, ct, secondFactor: true),
        };
    }

    public async Task<IActionResult> OnPostSetupAsync(CancellationToken ct)
    {
        ModelState.Clear();
        // Only for someone whose municipality requires two-step sign-in and who has not set it up: never a second
        // way to try codes against a key already in use.
        if (await PendingUserAsync("setup") is not { TwoFactorEnabled: false } user || !await signIn.RequiresTwoFactorAsync(user, ct))
        {
            return Expired();
        }

        var enabled = await changes.EnableTwoFactorAsync(user, Code ?? "", ct);
        if (!enabled.Succeeded)
        {
            Setup = await changes.TwoFactorAsync(user, null, ct);
            return Again("setup", user, enabled.Errors.Values.First()[0]);
        }

        await StartAsync((await users.FindByIdAsync(user.Id.ToString()))!, true, ct);
        RecoveryCodes = enabled.Value;
        Step = "done";
        return Page();
    }

    private async Task<IActionResult> NextAsync(SignInOutcome outcome, CancellationToken ct, bool secondFactor = false)
    {
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                await StartAsync(outcome.User!, secondFactor, ct);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInStatus.RequiresTwoFactor:
                return Again("code", outcome.User!, null);
            case SignInStatus.RequiresTwoFactorSetup:
                Setup = await changes.TwoFactorAsync(outcome.User!, null, ct);
                return Again("setup", outcome.User!, null);
            default:
                Problem = outcome.Message;
                Step = "password";
                return Page();
        }
    }

    private async Task StartAsync(StaffUser user, bool secondFactor, CancellationToken ct)
    {
        var (principal, properties) = await sessions.StartAsync(user, secondFactor, ct);
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal, properties);
    }

    private PageResult Again(string step, StaffUser user, string? problem)
    {
        Step = step;
        Problem = problem;
        Pending = Protector.Protect($"{user.Id}|{user.SecurityStamp}|{step}", PendingFor);
        Code = null;
        RecoveryCode = null;
        return Page();
    }

    private PageResult Expired()
    {
        Step = "password";
        Problem = "That took too long. Enter your e-mail address and password again.";
        return Page();
    }

    /// <summary>The user whose password was right, if the note is genuine, fresh, of this step and of the current stamp.</summary>
    private async Task<StaffUser?> PendingUserAsync(string step)
    {
        try
        {
            var parts = Protector.Unprotect(Pending ?? "").Split('|');
            if (parts.Length != 3 || parts[2] != step)
            {
                return null;
            }

            var user = await users.FindByIdAsync(parts[0]);
            return user is not null && user.SecurityStamp == parts[1] ? user : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.ca.")]
        [MaxLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [MaxLength(200)]
        public string Password { get; set; } = "";
    }
}
