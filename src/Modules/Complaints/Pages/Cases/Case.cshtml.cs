using Governance.Complaints.Features.Registry;
using Governance.Complaints.Features.Staff;
using Governance.Platform.Web;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Cases;

/// <summary>The case page: everything about a case and the next step, for the case team.</summary>
[Authorize]
internal sealed class CaseModel(CaseWork work, PublishReport publication, IPolicyCatalog policies) : PageModel
{
    public CaseDetail Detail { get; private set; } = null!;

    public IReadOnlyList<ModerationRule> Rules { get; private set; } = [];

    public string? Message { get; private set; }

    public bool IsCaseTeam => User.IsInRole(StaffRoles.IntegrityCommissioner) || User.IsInRole(StaffRoles.Investigator);

    public bool IsCommissioner => User.IsInRole(StaffRoles.IntegrityCommissioner);

    /// <summary>The publication the IC is looking at, before confirming it.</summary>
    public PublicationPreview? Preview { get; private set; }

    public static string Label(string action) => action switch
    {
        "accept" => "Accept for review",
        "request_information" => "Ask the resident for more information",
        "close_out_of_scope" => "Close: not within scope",
        "information_overdue" => "Continue without the information",
        "complete_review" => "Complete the Human Rights Code review",
        "uphold" => "Uphold the action",
        "restore_access" => "Restore access (unblock)",
        "reinstate_content" => "Reinstate the content",
        "refer_as_complaint" => "Refer as a Code of Conduct complaint",
        "confirm_restored" => "Confirm access or content is restored",
        "accept_for_assessment" => "Accept for preliminary assessment",
        "hold_for_blackout" => "Hold for the election blackout",
        "resume_after_blackout" => "Resume after the election",
        "dismiss" => "Dismiss the complaint",
        "resolve_informally" => "Resolve informally",
        "investigate" => "Investigate (send the complaint to the member)",
        "submit_response" => "Send my response",
        "response_overdue" => "Continue without the member's response",
        "record_reply" => "Record the complainant's reply",
        "no_reply" => "Continue without a reply",
        "request_hr_review" => "Ask for a Human Rights Code review",
        "send_draft_report" => "Send the draft report to the member",
        "submit_comment" => "Send my comment",
        "comment_overdue" => "Continue without the member's comment",
        "issue_final_report" => "Issue the final report to council",
        "record_council_decision" => "Record council's decision",
        _ => action,
    };

    public async Task<IActionResult> OnGetAsync(string reference, string? done, CancellationToken ct)
    {
        Message = done is null ? null : "Done. The case is updated.";
        return await LoadAsync(reference, ct);
    }

    public async Task<IActionResult> OnPostActAsync(string reference, string? step, string? note, string? messageToResident,
        List<string> grounds, List<string> assessments, string? pattern, string? finding, bool adverseEffectFound,
        string? reasons, string? ruleRelied, string? text, string? reportText, string? recommendedSanction, string? dismissalReason,
        string? councilDecision, int? paySuspensionDays, string? remedialMeasures, DateOnly? decidedOn, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(step))
        {
            ModelState.AddModelError("", "Choose the decision.");
            return await LoadAsync(reference, ct);
        }

        var request = new CaseActionRequest
        {
            Note = note, MessageToResident = messageToResident, Pattern = pattern, Finding = finding,
            AdverseEffectFound = adverseEffectFound, Reasons = reasons, RuleRelied = ruleRelied, Text = text, ReportText = reportText,
            RecommendedSanction = recommendedSanction, DismissalReason = dismissalReason, CouncilDecision = councilDecision,
            PaySuspensionDays = paySuspensionDays, RemedialMeasures = remedialMeasures, DecidedOn = decidedOn,
            Assessments = grounds.Zip(assessments, (g, a) => new GroundAssessment(g, a ?? "")).ToList(),
        };
        return After(reference, await work.TakeActionAsync(reference, step, request, ct)) ?? await LoadAsync(reference, ct);
    }

    public async Task<IActionResult> OnPostTakeAsync(string reference, CancellationToken ct)
        => After(reference, await work.AssignToMeAsync(reference, ct)) ?? await LoadAsync(reference, ct);

    public async Task<IActionResult> OnPostNoteAsync(string reference, string? noteText, bool share, CancellationToken ct)
        => After(reference, await work.AddNoteAsync(reference, noteText, share, ct)) ?? await LoadAsync(reference, ct);

    public async Task<IActionResult> OnPostPreviewAsync(string reference, string? marks, CancellationToken ct)
    {
        var preview = await publication.PreviewAsync(reference, (marks ?? "").Split('\n'), ct);
        Preview = preview.Value;
        return After(reference, preview, showAgain: true) ?? await LoadAsync(reference, ct);
    }

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
        var municipality = PageHelpers.CurrentMunicipality(HttpContext);
        Rules = municipality is { } m ? await policies.RulesAsync(m, ct) : [];
        return Page();
    }
}
