using Governance.Accounts.Contracts;
using Governance.Complaints.Features.Registry;
using Governance.Complaints.Features.Staff;
using Governance.Platform.Web;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Cases;

/// <summary>The case page: what the viewer may see of a case, and a form for each step they may take, drawn from the step's fields.</summary>
[Authorize]
internal sealed class CaseModel(CaseWork work, ComplaintRequests requests, PublishReport publication, IPolicyCatalog policies,
    IAccountRegistry accounts) : PageModel
{
    public CaseDetail Detail { get; private set; } = null!;

    public IReadOnlyList<ActionView> Actions { get; private set; } = [];

    public IReadOnlyList<ModerationRule> Rules { get; private set; } = [];

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public string? Message { get; private set; }

    public bool IsCommissioner => User.IsInRole(StaffRoles.IntegrityCommissioner);

    /// <summary>The publication the IC is looking at, before confirming it.</summary>
    public PublicationPreview? Preview { get; private set; }

    /// <summary>The step whose form failed, to show its problems beside it.</summary>
    public string? FailedStep { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, string? done, CancellationToken ct)
    {
        Message = done is null ? null : "Done. The case is updated.";
        return await LoadAsync(reference, ct);
    }

    public async Task<IActionResult> OnPostActAsync(string reference, string? step, [FromForm] CaseActionRequest request, string? marksText,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(step))
        {
            ModelState.AddModelError("", "Choose the step to take.");
            return await LoadAsync(reference, ct);
        }

        ModelState.Clear(); // the step checks its own fields; binding quirks of unused fields are not the user's problem
        FailedStep = step;
        if (marksText is not null)
        {
            request = With(request, marksText.Split('\n').ToList());
        }

        return After(reference, await work.TakeActionAsync(reference, step, request, ct)) ?? await LoadAsync(reference, ct);
    }

    public async Task<IActionResult> OnPostTakeAsync(string reference, CancellationToken ct)
        => After(reference, await work.AssignToMeAsync(reference, ct)) ?? await LoadAsync(reference, ct);

    public async Task<IActionResult> OnPostNoteAsync(string reference, string? noteText, bool share, CancellationToken ct)
        => After(reference, await work.AddNoteAsync(reference, noteText, share, ct)) ?? await LoadAsync(reference, ct);

    public async Task<IActionResult> OnPostWithdrawalAsync(string reference, WithdrawalDecision? decision, string? reasons, CancellationToken ct)
    {
        var request = new WithdrawalDecisionRequest(decision, reasons);
        if (!ModelState.TryValidate(request))
        {
            return await LoadAsync(reference, ct);
        }

        return After(reference, await requests.DecideWithdrawalAsync(reference, request, ct)) ?? await LoadAsync(reference, ct);
    }

    public async Task<IActionResult> OnPostRestartAsync(string reference, CancellationToken ct)
        => After(reference, await requests.RequestRestartAsync(reference, ct)) ?? await LoadAsync(reference, ct);

    public async Task<IActionResult> OnPostPreviewAsync(string reference, string? marks, CancellationToken ct)
    {
        var preview = await publication.PreviewAsync(reference, (marks ?? "").Split('\n'), ct);
        Preview = preview.Value;
        return After(reference, preview, showAgain: true) ?? await LoadAsync(reference, ct);
    }

    /// <summary>Publishes a report issued before publication came with issuing (version 1 cases).</summary>
    public async Task<IActionResult> OnPostPublishAsync(string reference, List<string> marks, string? previewHash, bool acknowledgeWarnings,
        CancellationToken ct)
    {
        var request = new PublishReportRequest(marks, previewHash, acknowledgeWarnings);
        if (!ModelState.TryValidate(request))
        {
            return await LoadAsync(reference, ct);
        }

        var published = await publication.PublishAsync(reference, request, ct);
        if (!published.Succeeded && published.Status != ResultStatus.Conflict)
        {
            Preview = (await publication.PreviewAsync(reference, marks, ct)).Value; // the warnings to acknowledge, again
        }

        return After(reference, published) ?? await LoadAsync(reference, ct);
    }

    /// <summary>A redirect when it worked (or the page again, to show a preview); otherwise the problems go on the page (null: show the page again).</summary>
    private IActionResult? After<T>(string reference, Result<T> result, bool showAgain = false)
    {
        if (result.Succeeded)
        {
            return showAgain ? null : Redirect($"/cases/{reference}?done=1");
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        result.AddTo(ModelState, prefix: "");
        return null;
    }

    private async Task<IActionResult> LoadAsync(string reference, CancellationToken ct)
    {
        var detail = await work.DetailAsync(reference, ct);
        if (detail.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        if (!detail.Succeeded)
        {
            return NotFound();
        }

        Detail = detail.Value!;
        Actions = (await work.AllowedActionsAsync(reference, ct)).Value ?? [];
        var municipality = PageHelpers.CurrentMunicipality(HttpContext);
        Rules = municipality is { } m ? await policies.RulesAsync(m, ct) : [];
        Accounts = municipality is { } a && Actions.Any(x => x.Fields.Any(f => f.Kind == "Account")) ? await accounts.ListAsync(a, ct) : [];
        return Page();
    }

    private static CaseActionRequest With(CaseActionRequest r, List<string> marks) => new()
    {
        Note = r.Note, MessageToResident = r.MessageToResident, AccountId = r.AccountId, ActionId = r.ActionId, Assessments = r.Assessments,
        Pattern = r.Pattern, Finding = r.Finding, AdverseEffectFound = r.AdverseEffectFound, Reasons = r.Reasons, RuleRelied = r.RuleRelied,
        ReviewOutcome = r.ReviewOutcome, Text = r.Text, LateReason = r.LateReason, CommissionedBy = r.CommissionedBy, CommissionedOn = r.CommissionedOn,
        Disposition = r.Disposition, LeadReference = r.LeadReference, WithholdName = r.WithholdName, WithholdReason = r.WithholdReason, Marks = marks,
        RedactionReason = r.RedactionReason, PreviewHash = r.PreviewHash, AcknowledgeWarnings = r.AcknowledgeWarnings, ReportText = r.ReportText,
        RecommendedSanction = r.RecommendedSanction, BreachFound = r.BreachFound, Reprimand = r.Reprimand, PaySuspensionDays = r.PaySuspensionDays,
        Measures = r.Measures, RemedialMeasures = r.RemedialMeasures, NoAction = r.NoAction, DecidedOn = r.DecidedOn,
        ResolutionNumber = r.ResolutionNumber, DismissalReason = r.DismissalReason,
    };
}
