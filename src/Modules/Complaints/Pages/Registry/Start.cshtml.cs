using Governance.Accounts.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Registry;

[AllowAnonymous]
internal sealed class StartModel(IMunicipalityDirectory municipalities) : PageModel
{
    public IReadOnlyList<MunicipalityInfo> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Municipalities = await municipalities.ListAsync(ct);
        return Municipalities.Count == 1 ? Redirect($"/registry/{Municipalities[0].Slug}") : Page();
    }
}
