using Governance.Platform.Web;
using Governance.Policies.Features.Acknowledgements;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Policies.Pages.HouseRules;

[Authorize(Policy = StaffPolicies.Managers)]
internal sealed class AcknowledgementsModel(AcknowledgementService service) : PageModel
{
    public AcknowledgementStatus Status { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await service.StatusAsync(id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Status = result.Value!;
        return Page();
    }
}
