using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.SignIn;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.Account;

/// <summary>A signed-in person's own password, e-mail address and two-step sign-in.</summary>
[Authorize]
internal sealed class IndexModel(UserManager<StaffUser> users, AccountChanges changes) : PageModel
{
    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public EmailInput Email { get; set; } = new();

    [BindProperty]
    [MaxLength(16)]
    public string? TwoFactorCode { get; set; }

    public StaffUser Me { get; private set; } = null!;

    public TwoFactorState TwoFactor { get; private set; } = null!;

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!Valid(Password, nameof(Password)))
        {
            return await ReshowAsync(ct);
        }

        var result = await changes.ChangePasswordAsync(await MeAsync(), Password.CurrentPassword, Password.NewPassword, ct);
        return result.Succeeded ? SignInAgain("password") : await ReshowAsync(ct, result, nameof(Password));
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        if (!Valid(Email, nameof(Email)))
        {
            return await ReshowAsync(ct);
        }

        var result = await changes.RequestEmailChangeAsync(await MeAsync(), Email.NewEmail, Email.CurrentPassword, ct);
        if (!result.Succeeded)
        {
            return await ReshowAsync(ct, result, nameof(Email));
        }

        Message = $"We sent a link to {Email.NewEmail}. Your address changes when you open it.";
        Email = new EmailInput();
        return await ReshowAsync(ct);
    }

    public async Task<IActionResult> OnPostTwoFactorAsync(bool enable, CancellationToken ct)
    {
        ModelState.Clear();
        var me = await MeAsync();
        if (enable)
        {
            var on = await changes.EnableTwoFactorAsync(me, TwoFactorCode ?? "", ct);
            return on.Succeeded ? SignInAgain("two-factor") : await ReshowAsync(ct, on, "");
        }

        var off = await changes.DisableTwoFactorAsync(me, TwoFactorCode ?? "", ct);
        return off.Succeeded ? SignInAgain("two-factor") : await ReshowAsync(ct, off, "");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        var me = await MeAsync();
        await changes.EndSessionsAsync(me, "signed out everywhere", ct);
        await users.UpdateAsync(me);
        return SignInAgain("ended");
    }

    private bool Valid(object input, string prefix)
    {
        ModelState.Clear();
        return ModelState.TryValidate(input, prefix);
    }

    private RedirectResult SignInAgain(string why) => Redirect($"/login?changed={why}");

    private async Task<StaffUser> MeAsync() => (await users.GetUserAsync(User))!;

    private async Task<IActionResult> ReshowAsync<T>(CancellationToken ct, Result<T> result, string prefix)
    {
        result.AddTo(ModelState, prefix);
        if (prefix.Length == 0)
        {
            foreach (var message in result.Errors.Values.SelectMany(m => m))
            {
                ModelState.AddModelError("", message);
            }
        }

        return await ReshowAsync(ct);
    }

    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await MeAsync();
        TwoFactor = await changes.TwoFactorAsync(Me, null, ct);
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [MaxLength(200)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [MinLength(12, ErrorMessage = "Use at least 12 characters.")]
        [MaxLength(200)]
        public string NewPassword { get; set; } = "";
    }

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Enter the new e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.ca.")]
        [MaxLength(256)]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = "Enter your current password.")]
        [MaxLength(200)]
        public string CurrentPassword { get; set; } = "";
    }
}
