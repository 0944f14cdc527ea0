using Governance.Complaints.Features;
using Governance.Complaints.Features.Tracking;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Tracking;

/// <summary>The resident's private page: reference number plus token, no account.</summary>
[AllowAnonymous]
[RequestSizeLimit(6 * EvidenceStore.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * EvidenceStore.MaxBytes)]
internal sealed class TrackModel(TrackCase track) : PageModel
{
    public PublicCaseView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Filed { get; private set; }

    public string? Message { get; private set; }

    public string Noun => View.Kind == "Appeal" ? "appeal" : "complaint";

    public async Task<IActionResult> OnGetAsync(string reference, bool filed, string? done, CancellationToken ct)
    {
        Filed = filed;
        Message = done switch
        {
            "information" => "Thank you. We added your information to the case.",
            "withdrawn" => "Your case is withdrawn.",
            _ => null,
        };
        return Show(await track.ViewAsync(reference, Token, ct));
    }

    public async Task<IActionResult> OnPostInformationAsync(string reference, string? information, List<IFormFile> files,
        CancellationToken ct)
    {
        var uploads = files.Select(UploadedFile.From).ToList();
        var result = await track.AddInformationAsync(reference, Token, information, uploads, ct);
        return result.Succeeded ? Redirect($"/track/{reference}?token={Token}&done=information") : await ShowErrorsAsync(reference, result, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string reference, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError("", "Tick the box to confirm you want to withdraw.");
            return Show(await track.ViewAsync(reference, Token, ct));
        }

        var result = await track.WithdrawAsync(reference, Token, ct);
        return result.Succeeded ? Redirect($"/track/{reference}?token={Token}&done=withdrawn") : await ShowErrorsAsync(reference, result, ct);
    }

    private async Task<IActionResult> ShowErrorsAsync(string reference, Result<PublicCaseView> failed, CancellationToken ct)
    {
        if (failed.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        failed.AddTo(ModelState, prefix: "");
        return Show(await track.ViewAsync(reference, Token, ct));
    }

    private IActionResult Show(Result<PublicCaseView> result)
    {
        if (!result.Succeeded)
        {
            return NotFound();
        }

        View = result.Value!;
        return Page();
    }
}
