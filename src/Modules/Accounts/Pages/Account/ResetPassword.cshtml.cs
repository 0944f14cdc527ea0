using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Features.SignIn;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.Account;

/// <summary>Asking for a reset link, and choosing a new password from one.</summary>
[AllowAnonymous]
internal sealed class ResetPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.ca.")]
    [MaxLength(256)]
    public string Email { get; set; } = "";

    /// <summary>From the link in the e-mail; without it the page asks for a link.</summary>
    [BindProperty(SupportsGet = true)]
    [MaxLength(2000)]
    public string? Code { get; set; }

    [BindProperty]
    [MaxLength(200)]
    public string NewPassword { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() => ModelState.Clear();

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        if (ModelState[nameof(Email)]?.Errors.Count > 0)
        {
            return Page();
        }

        ModelState.Clear();
        await reset.RequestAsync(Email, ct);
        Sent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var result = await reset.ResetAsync(new ResetPasswordRequest(Email, Code ?? "", NewPassword), ct);
        if (result.Succeeded)
        {
            return Redirect("/login?changed=reset");
        }

        ModelState.Clear();
        result.AddTo(ModelState, "");
        return Page();
    }
}
