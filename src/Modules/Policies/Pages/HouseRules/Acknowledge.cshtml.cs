using Governance.Platform;
using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Features.Acknowledgements;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Pages.HouseRules;

/// <summary>R17: the acknowledgement form (name, position, department, signature, date).</summary>
[Authorize]
internal sealed class AcknowledgeModel(PoliciesDbContext db, AcknowledgementService service, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AcknowledgeRequest? Input { get; set; }

    public string Title { get; private set; } = "";

    public int Number { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool done, CancellationToken ct)
    {
        Done = done;
        Input = new AcknowledgeRequest { Name = User.FindFirst("name")?.Value ?? "", SignedOn = clock.TodayIn("America/Toronto") };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Input is null)
        {
            return Page();
        }

        var result = await service.AcknowledgeAsync(id, Input, ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }

        return Redirect($"/policies/versions/{id}/acknowledge?done=true");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var version = await (from v in db.Versions join d in db.Documents on v.DocumentId equals d.Id where v.Id == id
                             select new { d.Title, v.Number }).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return false;
        }

        (Title, Number) = (version.Title, version.Number);
        return true;
    }
}
