using Governance.Accounts.Contracts;
using Governance.Platform.Web;
using Governance.Policies.Features.HouseRules;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Governance.Policies.Pages.HouseRules;

[Authorize(Policy = StaffPolicies.Managers)]
internal sealed class NewModel(HouseRulesService service, IAccountRegistry accounts) : PageModel
{
    [BindProperty]
    public CreateDocumentRequest? Input { get; set; }

    public Guid? Municipality => PageHelpers.CurrentMunicipality(HttpContext);

    public List<SelectListItem> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid || Input is null)
        {
            return Page();
        }

        var result = await service.CreateDocumentAsync(Input.MunicipalityId!.Value, Input.Title, Input.AccountId, ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }

        return Redirect($"/policies/documents/{result.Value!.DocumentId}");
    }

    private async Task LoadAsync(CancellationToken ct)
        => Accounts = [new SelectListItem("The whole municipality", ""),
            .. (Municipality is { } m ? await accounts.ListAsync(m, ct) : [])
                .Select(a => new SelectListItem($"{a.Handle} ({a.Platform})", a.Id.ToString()))];
}
