using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.SignIn;

/// <summary>Staff serving several municipalities (a contracted IC serves dozens) choose which one the pages show.</summary>
[Authorize]
internal sealed class MunicipalityModel(ITenantScope tenant) : PageModel
{
    public IActionResult OnPost(Guid municipality, string? returnUrl)
    {
        if (!tenant.Allows(municipality))
        {
            return NotFound();
        }

        PageHelpers.Remember(HttpContext, municipality);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
