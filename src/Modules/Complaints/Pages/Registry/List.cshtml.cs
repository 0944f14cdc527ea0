using Governance.Complaints.Features.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Registry;

[AllowAnonymous]
internal sealed class ListModel(PublicRegistry registry) : PageModel
{
    public IReadOnlyList<RegistryEntry> Entries { get; private set; } = [];

    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var entries = await registry.ListAsync(slug, ct);
        if (entries is null)
        {
            return NotFound();
        }

        (Entries, Slug) = (entries, slug);
        return Page();
    }
}
