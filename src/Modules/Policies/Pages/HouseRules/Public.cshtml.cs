using Governance.Accounts.Contracts;
using Governance.Policies.Data;
using Governance.Policies.Features.HouseRules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Policies.Pages.HouseRules;

/// <summary>The house rules anyone can read (R2): the version in force today, or a named one.</summary>
[AllowAnonymous]
internal sealed class PublicModel(IMunicipalityDirectory municipalities, PoliciesDbContext db, TimeProvider clock) : PageModel
{
    public PublicRulesResponse Rules { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, int? version, CancellationToken ct)
    {
        var rules = await PublicRules.FindAsync(slug, id, version, municipalities, db, clock, ct);
        if (rules is null)
        {
            return NotFound();
        }

        Rules = rules;
        return Page();
    }
}
