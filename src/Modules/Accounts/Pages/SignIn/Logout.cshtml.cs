using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.SignIn;

internal sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await AccountsModule.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }
}
