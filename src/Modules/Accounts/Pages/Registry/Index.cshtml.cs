using Governance.Platform.Web;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Pages.Registry;

[Authorize]
internal sealed class IndexModel(AccountsDbContext db) : PageModel
{
    public List<SocialAccount> Accounts { get; private set; } = [];

    public bool CanManage => StaffPolicies.Allows(User, StaffPolicies.Managers);

    public async Task OnGetAsync(CancellationToken ct)
        => Accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Handle).ToListAsync(ct);
}
