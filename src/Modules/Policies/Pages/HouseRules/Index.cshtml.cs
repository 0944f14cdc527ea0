using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Pages.HouseRules;

[Authorize(Policy = StaffPolicies.Managers)]
internal sealed class IndexModel(PoliciesDbContext db) : PageModel
{
    public List<PolicyDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
        => Documents = await db.Documents.AsNoTracking().Include(d => d.Versions).OrderBy(d => d.Title).ToListAsync(ct);
}
