using Governance.Accounts.Features.Registry;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.Registry;

[Authorize(Policy = StaffPolicies.Managers)]
internal sealed class NewModel(AccountRegistryService registry) : PageModel
{
    /// <summary>The same request the API takes, so the page and the API validate alike.</summary>
    [BindProperty]
    public RegisterAccountRequest? Input { get; set; }

    public Guid? Municipality => PageHelpers.CurrentMunicipality(HttpContext);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Input is null)
        {
            return Page();
        }

        var result = await registry.RegisterAsync(Input, ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }

        return Redirect($"/accounts/{result.Value!.Id}");
    }
}
