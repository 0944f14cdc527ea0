using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.Registry;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Pages.Registry;

[Authorize]
internal sealed class DetailsModel(AccountsDbContext db, AccountRegistryService registry) : PageModel
{
    public SocialAccount Account { get; private set; } = null!;

    public string Slug { get; private set; } = "";

    public ClassificationRecord? Current { get; private set; }

    public IReadOnlyDictionary<string, Fact> Facts { get; private set; } = new Dictionary<string, Fact>();

    public List<ClassificationRecord> History { get; private set; } = [];

    public bool Saved { get; private set; }

    public bool CanManage => StaffPolicies.Allows(User, StaffPolicies.Managers);

    [BindProperty]
    public Dictionary<string, bool> Answers { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Notes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var facts = Answers.ToDictionary(a => a.Key, a => new FactInput(a.Value, Notes.GetValueOrDefault(a.Key)));
        var result = await registry.RecordFactsAsync(id, facts, ct);
        if (result.Status == Governance.SharedKernel.ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            await LoadAsync(id, ct);
            return Page();
        }

        return Redirect($"/accounts/{id}?saved=true");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return false;
        }

        Account = account;
        Slug = await db.Municipalities.Where(m => m.Id == account.MunicipalityId).Select(m => m.Slug).SingleAsync(ct);
        History = await db.Classifications.AsNoTracking().Where(c => c.AccountId == id).OrderByDescending(c => c.Since).ToListAsync(ct);
        Current = History.FirstOrDefault();
        Facts = Current is null ? new Dictionary<string, Fact>() : AccountRegistryService.Deserialize(Current.FactsJson);
        return true;
    }
}
