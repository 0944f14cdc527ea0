using Governance.Accounts.Features.SignIn;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.SignIn;

/// <summary>Sign-out ends the session on the server, so a copy of the cookie is worthless afterwards.</summary>
[AllowAnonymous]
internal sealed class LogoutModel(StaffSessions sessions, ISecurityEvents events) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await sessions.EndAsync(User, "signed out", ct);
            await events.RecordAsync("signed-out", null, null, ct);
        }

        await AccountsModule.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }
}
