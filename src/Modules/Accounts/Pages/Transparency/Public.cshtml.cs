using Governance.Accounts.Data;
using Governance.Accounts.Features.Transparency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.Transparency;

[AllowAnonymous]
internal sealed class PublicModel(AccountsDbContext db) : PageModel
{
    public TransparencyReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        var report = await TransparencyEndpoints.ReportAsync(slug, id, db, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
