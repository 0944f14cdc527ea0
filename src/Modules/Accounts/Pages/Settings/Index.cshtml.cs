using Governance.Accounts.Features.Municipalities;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.Settings;

[Authorize(Policy = StaffPolicies.Administrators)]
internal sealed class IndexModel(MunicipalitySettings settings) : PageModel
{
    [BindProperty]
    public SettingsRequest Input { get; set; } = new();

    public bool Saved { get; private set; }

    private Guid Municipality => PageHelpers.CurrentMunicipality(HttpContext) ?? Guid.Empty;

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        var current = await settings.GetAsync(Municipality, ct);
        if (!current.Succeeded)
        {
            return NotFound();
        }

        Input = new SettingsRequest
        {
            PriorViolationsBeforeBlock = current.Value!.PriorViolationsBeforeBlock, RequireTwoFactor = current.Value.RequireTwoFactor,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await settings.UpdateAsync(Municipality, Input, ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }

        return Redirect("/municipality/settings?saved=true");
    }
}
