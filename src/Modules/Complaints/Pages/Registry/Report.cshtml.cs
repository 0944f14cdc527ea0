using Governance.Complaints.Features.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Registry;

[AllowAnonymous]
internal sealed class ReportModel(PublicRegistry registry) : PageModel
{
    public RegistryReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string reference, CancellationToken ct)
    {
        var report = await registry.FindAsync(slug, reference, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
