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

    public string Name(string field) => $"Statement.{field}";

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Filed { get; private set; }

    public string? Message { get; private set; }

    public string Noun => View.Kind == "Appeal" ? "appeal" : "complaint";

    public async Task<IActionResult> OnGetAsync(string reference, bool filed, string? done, CancellationToken ct)
    {
        Filed = filed;
        var shown = Show(await track.ViewAsync(reference, Token, ct));
        await LoadArticlesAsync(ct);
        Message = done switch
        {
            "information" => "Thank you. We added your information to the case.",
            "withdrawn" => View is null ? null : View.Kind == "Appeal" ? "Your appeal is withdrawn."
                : "Your request to withdraw is recorded. The Integrity Commissioner will tell you whether the inquiry continues.",
            "reply" => "Thank you. Your reply is on the case.",
            "escalated" => "Your appeal is escalated.",
            "restart" => "Your request to restart is recorded.",
            "signed" => "Thank you. Your complaint is filed.",
            _ => null,
        };
        return shown;
    }

    public async Task<IActionResult> OnPostInformationAsync(string reference, string? information, List<IFormFile> files,
        CancellationToken ct)
    {
        var uploads = files.Select(UploadedFile.From).ToList();
        var result = await track.AddInformationAsync(reference, Token, information, uploads, ct);
        return result.Succeeded ? Redirect($"/track/{reference}?token={Token}&done=information") : await ShowErrorsAsync(reference, result, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string reference, bool confirm, string? reason, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError("Confirm", "Tick the box to confirm you want to withdraw.");
            return Show(await track.ViewAsync(reference, Token, ct));
        }

        var result = await track.WithdrawAsync(reference, Token, reason, ct);
        return result.Succeeded ? Redirect($"/track/{reference}?token={Token}&done=withdrawn") : await ShowErrorsAsync(reference, result, ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(string reference, string? text, CancellationToken ct)
    {
        var result = await track.ReplyAsync(reference, Token, text, ct);
        return result.Succeeded ? Redirect($"/track/{reference}?token={Token}&done=reply") : await ShowErrorsAsync(reference, result, ct);
    }

    public async Task<IActionResult> OnPostEscalateAsync(string reference, string? reason, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError("Confirm", "Tick the box to confirm you want to escalate: an appeal can be escalated once.");
            return Show(await track.ViewAsync(reference, Token, ct));
        }

        var result = await track.EscalateAsync(reference, Token, reason, ct);
        return result.Succeeded ? Redirect($"/track/{reference}?token={Token}&done=escalated") : await ShowErrorsAsync(reference, result, ct);
    }

    public async Task<IActionResult> OnPostRestartAsync(string reference, CancellationToken ct)
    {
        var result = await track.RequestRestartAsync(reference, Token, ct);
        return result.Succeeded ? Redirect($"/track/{reference}?token={Token}&done=restart") : await ShowErrorsAsync(reference, result, ct);
    }

    [BindProperty]
    public Features.CodeOfConduct.CompleteComplaintRequest Statement { get; set; } = new();

    public IReadOnlyList<Policies.Contracts.ConductArticle> Articles { get; private set; } = [];

    public async Task<IActionResult> OnPostCompleteAsync(string reference, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowCompleteAsync(reference, ct);
        }

        var result = await track.CompleteAsync(reference, Token, Statement, ct);
        if (result.Succeeded)
        {
            return Redirect($"/track/{reference}?token={Token}&done=signed");
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        result.AddTo(ModelState, prefix: "Statement.");
        return await ShowCompleteAsync(reference, ct);
    }

    private async Task<IActionResult> ShowCompleteAsync(string reference, CancellationToken ct)
    {
        var shown = Show(await track.ViewAsync(reference, Token, ct));
        await LoadArticlesAsync(ct);
        return shown;
    }

    private async Task LoadArticlesAsync(CancellationToken ct)
    {
        if (View?.Options.Complete == true)
        {
            Articles = await track.ArticlesAsync(View.Reference, ct);
        }
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
