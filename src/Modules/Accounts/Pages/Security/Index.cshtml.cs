using Governance.Accounts.Data;
using Governance.Accounts.Features.Security;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Accounts.Pages.Security;

/// <summary>Recent sign-in failures, refused requests and account changes, for administrators.</summary>
[Authorize(Policy = StaffPolicies.Administrators)]
internal sealed class IndexModel(AccountsDbContext db, ITenantScope tenant) : PageModel
{
    public IReadOnlyList<SecurityEventView> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Events = await SecurityEventList.RecentAsync(db, tenant, ct);
}
