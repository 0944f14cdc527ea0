using Governance.Accounts.Contracts;
using Governance.Complaints.Features;
using Governance.Complaints.Features.CodeOfConduct;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Complaints.Pages.Complaints;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
[RequestSizeLimit(6 * EvidenceStore.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * EvidenceStore.MaxBytes)]
internal sealed class FileModel(IMunicipalityDirectory municipalities, IStaffDirectory staff, IPolicyCatalog policies,
    FileComplaint complaints) : PageModel
{
    [BindProperty]
    public FileComplaintRequest? Input { get; set; }

    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    public MunicipalityInfo Municipality { get; private set; } = null!;

    public List<SelectListItem> Members { get; private set; } = [];

    public IReadOnlyList<ConductArticle> Articles { get; private set; } = [];

    public Guid SubmissionId { get; private set; } = Guid.NewGuid();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        SubmissionId = Input?.SubmissionId ?? Guid.NewGuid();
        if (!ModelState.IsValid || Input is null)
        {
            return Page();
        }

        var files = Evidence.Select(UploadedFile.From).ToList();
        var result = await complaints.FileAsync(Input, files, PublicEndpoints.BaseUrl(Request), ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }

        return Redirect($"{result.Value!.TrackingPath}&filed=true");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var municipality = await municipalities.FindBySlugAsync(slug, ct);
        if (municipality is null)
        {
            return false;
        }

        Municipality = municipality;
        Members = [new SelectListItem("Choose the member", ""),
            .. (await staff.StaffOfAsync(municipality.Id, ct)).Where(s => s.Roles.Contains(StaffRoles.Member))
                .Select(s => new SelectListItem(s.DisplayName, s.UserId.ToString(), s.UserId == Input?.MemberId))];
        Articles = await policies.ArticlesAsync(municipality.Id, ct);
        return true;
    }
}
