using Governance.Complaints.Domain;
using Governance.Complaints.Features.Protocol;
using Governance.Complaints.Features.Registry;
using Governance.Complaints.Features.Staff;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Workflows.CodeOfConduct;

/// <summary>Discrimination or harassment is alleged: the investigation asks for the Human Rights Code review (R8).</summary>
internal sealed class RequestHumanRightsReview : CaseStep
{
    public override string Action => "request_hr_review";

    public override string Label => "Ask for a Human Rights Code review";

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        step.Timeline(Visibility.Internal, "A Human Rights Code review was asked for.");
        return Task.CompletedTask;
    }
}

/// <summary>R8: the review of the conduct's effect on a person under a Human Rights Code ground, with its finding.</summary>
internal sealed class CompleteHumanRightsReview : CaseStep
{
    public override string Action => "complete_review";

    public override string Label => "Complete the Human Rights Code review";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("pattern", "What the member's other posts or conduct show", FieldKind.LongText, Required: false, MaxLength: 4000),
        new("finding", "Finding", FieldKind.LongText, MaxLength: 4000),
        new("adverseEffectFound", "An adverse effect on a Code ground was found", FieldKind.Check, Required: false),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Finding))
        {
            step.Error("finding", "Write the finding.");
            return;
        }

        if (await step.Db.Reviews.AnyAsync(r => r.CaseId == step.Case.Id, ct))
        {
            step.Error("finding", "The review of this complaint is already complete.");
            return;
        }

        step.Db.Reviews.Add(new HumanRightsReview
        {
            CaseId = step.Case.Id, Assessments = "", Pattern = request.Pattern?.Trim() ?? "", Finding = request.Finding.Trim(),
            AdverseEffectFound = request.AdverseEffectFound, ReviewedBy = step.ActorName, ReviewedAt = step.Now,
        });
        step.Timeline(Visibility.Internal, "The Human Rights Code review is complete.");
    }
}

/// <summary>The draft report goes to the member for comment (after the Human Rights Code review, where it applies).</summary>
internal sealed class SendDraftReport : CaseStep
{
    public override string Action => "send_draft_report";

    public override string Label => "Send the draft report to the member";

    public override IReadOnlyList<StepField> Fields { get; } = [new("reportText", "Draft report", FieldKind.LongText, MaxLength: 50_000)];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ReportText))
        {
            step.Error("reportText", "Write the report (up to 50,000 characters).");
            return;
        }

        if (step.Case.Complaint!.AllegesDiscrimination && !await step.Db.Reviews.AnyAsync(r => r.CaseId == step.Case.Id, ct))
        {
            step.Error("reportText", "Discrimination or harassment is alleged: complete the Human Rights Code review first (R8).");
            return;
        }

        var report = await step.ReportAsync(ct);
        report.DraftText = request.ReportText.Trim();
        report.DraftSentAt = step.Now;
        report.IssuedBy = step.ActorName;
        step.Timeline(Visibility.Public, "The draft report was sent to the member for comment.");
        await step.Mail.UserAsync(step.Case, step.Case.Complaint.MemberUserId, "Draft report for your comment",
            "The Integrity Commissioner's draft report is ready. You may comment by the due date shown on the case.", ct);
    }
}

/// <summary>The member comments on the draft (their own step); the comment stays with the IC's team.</summary>
internal sealed class SubmitComment : TextStep
{
    public override string Action => "submit_comment";

    public override string Label => "Send my comment";

    protected override string FieldLabel => "Your comment on the draft report";

    protected override async Task RecordAsync(StepContext step, string text, CancellationToken ct)
    {
        (await step.ReportAsync(ct)).MemberComment = text;
        step.Timeline(Visibility.Internal, $"The member's comment on the draft report: {text}");
        step.Timeline(Visibility.Public, "The member's comment on the draft report was received.");
    }
}

internal sealed class CommentOverdue : CaseStep
{
    public override string Action => "comment_overdue";

    public override string Label => "Continue without the member's comment";

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        step.Timeline(Visibility.Public, "The member did not comment on the draft; the final report is being prepared.");
        return Task.CompletedTask;
    }

    public override Task ByTimerAsync(StepContext step, CancellationToken ct) => RecordAsync(step, new CaseActionRequest(), ct);
}

/// <summary>The IC writes the final report and its finding; publication is previewed next.</summary>
internal sealed class PrepareFinalReport : CaseStep
{
    public override string Action => "prepare_final_report";

    public override string Label => "Write the final report";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("reportText", "Final report", FieldKind.LongText, MaxLength: 50_000),
        new("breachFound", "Finding", FieldKind.Choice, Options: [("true", "The member breached the Code"), ("false", "No breach")]),
        new("recommendedSanction", "Recommended penalty or remedial measures", FieldKind.Text, Required: false, MaxLength: 2000),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ReportText))
        {
            step.Error("reportText", "Write the report (up to 50,000 characters).");
        }

        if (request.BreachFound is null)
        {
            step.Error("breachFound", "Say whether the member breached the Code.");
        }

        if (step.Failed)
        {
            return;
        }

        var report = await step.ReportAsync(ct);
        report.FinalText = request.ReportText!.Trim();
        report.RecommendedSanction = string.IsNullOrWhiteSpace(request.RecommendedSanction) ? null : request.RecommendedSanction.Trim();
        report.BreachFound = request.BreachFound;
        // R16: the protocol may name the member in the public report only on a finding of breach.
        report.MemberNamed = request.BreachFound == true || !step.Protocol.NameMemberOnlyOnBreach;
        report.IssuedBy = step.ActorName;
        step.Timeline(Visibility.Internal, "The final report is written; its publication is to be previewed.");
    }
}

/// <summary>
/// The final report is issued to council and public at once (Municipal Act s.223.6(3)), exactly as the IC previewed its
/// redaction; never during the election period (R12), when it waits and the IC is told why.
/// </summary>
internal sealed class IssueFinalReport : CaseStep
{
    public override string Action => "issue_final_report";

    public override string Label => "Issue the report to council and publish it";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("marks", "Passages to redact (as previewed)", FieldKind.Lines, Required: false, MaxLength: 2000),
        new("previewHash", "The preview you confirm", FieldKind.Text, MaxLength: 64),
        new("acknowledgeWarnings", "I have checked each flagged passage: it may be published", FieldKind.Check, Required: false),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (ElectionPeriod.ReportMustWait(await step.Service<ElectionWindows>().OnAsync(step.Case.MunicipalityId, step.Today, ct)) is { } wait)
        {
            step.Error("action", wait);
            return;
        }

        var report = await step.ReportAsync(ct);
        if (report.FinalText is null)
        {
            step.Error("action", "Write the final report first.");
            return;
        }

        var marks = Redaction.Normalise(request.Marks);
        var preview = PublishReport.Preview(step.Case, report, marks);
        if (!string.Equals(preview.PreviewHash, request.PreviewHash, StringComparison.Ordinal))
        {
            step.Error("previewHash", "The report or the marked passages changed since that preview. Preview again and confirm what you see.");
            return;
        }

        if (preview.Warnings.Count > 0 && !request.AcknowledgeWarnings)
        {
            step.Error("acknowledgeWarnings", $"{preview.Warnings.Count} passage(s) still look like personal data. Mark them for redaction, or confirm you have checked them.");
            return;
        }

        report.FinalIssuedAt = step.Now;
        PublishReport.Record(report, preview, step.ActorName, step.Now);
        step.Timeline(Visibility.Public, "The final report was issued to council and published in the public registry.");
        await Duplicates.TellAsync(step, "The final report", "The Integrity Commissioner issued the final report to council. It is published in the public registry.", ct);
        step.Mail.Resident(step.Case, "The final report on your complaint", "The Integrity Commissioner issued the final report to council. It is published in the public registry.");
        await step.Mail.UserAsync(step.Case, step.Case.Complaint!.MemberUserId, "The final report", "The Integrity Commissioner issued the final report to council.", ct);
        await step.Mail.RoleAsync(step.Case, StaffRoles.Clerk, "An Integrity Commissioner's report for council",
            "The Integrity Commissioner issued a report to council. Record council's decision when it is made.", ct);
    }
}

/// <summary>R16: the clerk records council's decision: any of a reprimand, a suspension of pay, remedial measures, or nothing.</summary>
internal sealed class RecordCouncilDecision : CaseStep
{
    public override string Action => "record_council_decision";

    public override string Label => "Record council's decision";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("reprimand", "Reprimand", FieldKind.Check, Required: false),
        new("paySuspensionDays", "Days of pay suspended (1 to 90)", FieldKind.Number, Required: false),
        new("measures", "Remedial measures", FieldKind.MultipleChoice, Required: false, Options:
        [
            (nameof(RemedialMeasure.Apology), "Apology"), (nameof(RemedialMeasure.Training), "Training"),
            (nameof(RemedialMeasure.RemovalFromCommittee), "Removal from a committee"), (nameof(RemedialMeasure.ReturnOfProperty), "Return of property or a gift"),
            (nameof(RemedialMeasure.Other), "Other"),
        ]),
        new("remedialMeasures", "The measures in council's words", FieldKind.LongText, Required: false, MaxLength: 4000),
        new("noAction", "Council imposed nothing", FieldKind.Check, Required: false),
        new("decidedOn", "Date of the council meeting", FieldKind.Date),
        new("resolutionNumber", "Resolution number", FieldKind.Text, MaxLength: 60),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        var decision = new CouncilDecision(request.Reprimand, request.PaySuspensionDays, request.Measures.Distinct().ToList(), request.RemedialMeasures,
            request.NoAction, Deferred: false, request.DecidedOn, request.ResolutionNumber);
        step.AddErrors(FairProcess.CheckCouncilDecision(decision, step.Today));
        var report = await step.ReportAsync(ct);
        if (report.FinalIssuedAt is null && report.FinalText is null)
        {
            step.Error("action", "The final report must be issued first.");
        }

        if (step.Failed)
        {
            return;
        }

        var described = FairProcess.Describe(decision);
        report.CouncilDecision = described;
        report.Reprimand = decision.Reprimand;
        report.PaySuspensionDays = decision.PaySuspensionDays;
        report.Measures = decision.Measures.Count == 0 ? null : string.Join(',', decision.Measures);
        report.RemedialMeasures = string.IsNullOrWhiteSpace(decision.MeasuresDetail) ? null : decision.MeasuresDetail.Trim();
        report.CouncilDecidedOn = decision.MeetingOn;
        report.ResolutionNumber = decision.ResolutionNumber!.Trim();
        var text = $"{described} at its meeting of {decision.MeetingOn:d MMMM yyyy} (resolution {report.ResolutionNumber}).";
        step.Timeline(Visibility.Public, text);
        step.Mail.Resident(step.Case, "Council decided on the report", text);
        await Duplicates.TellAsync(step, "Council decided on the report", text, ct);
        await step.Mail.UserAsync(step.Case, step.Case.Complaint!.MemberUserId, "Council decided on the report", text, ct);
    }
}

/// <summary>Council deferred its decision: the clerk records the meeting and the case waits for the next one.</summary>
internal sealed class DeferCouncilDecision : CaseStep
{
    public override string Action => "defer_council_decision";

    public override string Label => "Record that council deferred its decision";

    public override IReadOnlyList<StepField> Fields { get; } = [new("decidedOn", "Date of the council meeting", FieldKind.Date)];

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (request.DecidedOn is not { } meeting || meeting > step.Today)
        {
            step.Error("decidedOn", "Enter the date of the council meeting (today or earlier).");
            return Task.CompletedTask;
        }

        step.Timeline(Visibility.Public, $"Council deferred its decision at its meeting of {meeting:d MMMM yyyy}.");
        return Task.CompletedTask;
    }
}
