using Governance.Platform;
using Governance.Accounts.Contracts;
using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.Policies.Features.HouseRules;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Pages.HouseRules;

[Authorize(Policy = StaffPolicies.Managers)]
internal sealed class DocumentModel(PoliciesDbContext db, HouseRulesService service, IMunicipalityDirectory municipalities,
    TimeProvider clock) : PageModel
{
    public PolicyDocument Document { get; private set; } = null!;

    public PolicyVersion? Draft => Document.Versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);

    public IReadOnlyList<RequiredElement> Missing => Draft is null ? [] : RequiredElements.Missing(Draft.CoverageBySection);

    public string Slug { get; private set; } = "";

    public string? Message { get; private set; }

    public bool IsAdministrator => User.IsInRole(StaffRoles.Administrator);

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public Dictionary<string, string> Coverage { get; set; } = [];

    [BindProperty]
    public DateOnly? EffectiveFrom { get; set; }

    [BindProperty]
    public string? OverrideReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Message = done switch
        {
            "saved" => "The draft is saved.",
            "published" => "The version is published.",
            "new" => "A new draft is ready, starting from the latest version.",
            _ => null,
        };
        EffectiveFrom = clock.TodayIn("America/Toronto");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Draft is null)
        {
            return NotFound();
        }

        var result = await service.SaveDraftAsync(Draft.Id, Body ?? "", Coverage, ct);
        return await AfterAsync(id, result, "saved", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Draft is null)
        {
            return NotFound();
        }

        var result = await service.PublishAsync(Draft.Id, EffectiveFrom, OverrideReason, ct);
        return await AfterAsync(id, result, "published", ct);
    }

    public async Task<IActionResult> OnPostNewVersionAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await service.NewVersionAsync(id, ct), "new", ct);

    private async Task<IActionResult> AfterAsync(Guid id, Result<PolicyVersion> result, string done, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/policies/documents/{id}?done={done}");
        }

        result.AddTo(ModelState, prefix: "");
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var document = await db.Documents.Include(d => d.Versions).ThenInclude(v => v.Coverage).AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return false;
        }

        Document = document;
        Slug = (await municipalities.FindAsync(document.MunicipalityId, ct))?.Slug ?? "";
        return true;
    }
}
