using Governance.Accounts.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.Account;

/// <summary>The link sent to a new e-mail address; a button (not the visit itself) confirms, so mail scanners change nothing.</summary>
[AllowAnonymous]
internal sealed class ConfirmEmailModel(AccountChanges changes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await changes.ConfirmEmailChangeAsync(UserId, Email, Code, ct);
        if (result.Succeeded)
        {
            return Redirect("/login?changed=email");
        }

        Problem = result.Errors.Values.First()[0];
        return Page();
    }
}
