using Governance.Platform.Web;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Pages.Moderation;

/// <summary>R7: the guided disengagement tree.</summary>
[Authorize(Policy = StaffPolicies.ModerationReaders)]
internal sealed class TriageModel(AccountsDbContext db, ModerationService moderation) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "account")]
    public Guid? AccountId { get; set; }

    [BindProperty]
    public string? TargetHandle { get; set; }

    [BindProperty]
    public bool AbuseOrThreat { get; set; }

    [BindProperty]
    public bool CredibleThreat { get; set; }

    [BindProperty]
    public bool Provoking { get; set; }

    [BindProperty]
    public bool SpamOrRepeated { get; set; }

    public List<SelectListItem> Accounts { get; private set; } = [];

    public TriageSuggestion? Suggestion { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (AccountId is not { } id)
        {
            return Page();
        }

        var result = await moderation.TriageAsync(id, TargetHandle, AbuseOrThreat, CredibleThreat, Provoking, SpamOrRepeated, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Suggestion = result.Value;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
        => Accounts = (await db.Accounts.AsNoTracking().OrderBy(a => a.Handle).ToListAsync(ct))
            .Select(a => new SelectListItem($"{a.Handle} ({a.Platform})", a.Id.ToString(), a.Id == AccountId)).ToList();
}
