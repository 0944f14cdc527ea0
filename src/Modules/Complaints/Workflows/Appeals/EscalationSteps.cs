using Governance.Complaints.Domain;
using Governance.Complaints.Features;
using Governance.Complaints.Features.Staff;
using Governance.SharedKernel;

namespace Governance.Complaints.Workflows.Appeals;

/// <summary>The resident escalates an upheld appeal about a member's account to the IC: a complaint is created for them to complete and sign (R9, R16).</summary>
internal sealed class EscalateToCommissioner : CaseStep
{
    public override string Action => "escalate_to_ic";

    public override string Label => "Take it to the Integrity Commissioner as a Code of Conduct complaint";

    public override StepActor TakenBy => StepActor.Resident;

    public override IReadOnlyList<StepField> Fields { get; } =
        [new("reasons", "Why you are not satisfied (optional)", FieldKind.LongText, Required: false, MaxLength: 8000)];

    public override string? Refusal(StepContext step) => Escalation.Refusal(step, EscalationRoute.IntegrityCommissioner);

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        var appeal = step.Case.Appeal!;
        var complaint = await step.Service<CaseFiling>().DraftComplaintFromAppealAsync(step.Case, step.Now, ct);
        Escalation.Record(step, EscalationRoute.IntegrityCommissioner, request.Reasons);
        appeal.LinkedComplaintReference = complaint.Case.Reference;
        var text = $"You took your appeal to the Integrity Commissioner. Complaint {complaint.Case.Reference} was created with your appeal's facts: "
            + "complete it and sign the declaration to file it (a formal complaint cannot be anonymous).";
        step.Timeline(Visibility.Public, text);
        step.Mail.Resident(step.Case, "Complete your Code of Conduct complaint",
            $"{text}\n\nComplete and sign your complaint here (keep this link private):\n{step.Mail.BaseUrl}{complaint.TrackingPath}");
    }
}

/// <summary>The resident escalates an upheld appeal about a corporate account to the municipality's reviewer (R9).</summary>
internal sealed class EscalateToReviewer : CaseStep
{
    public override string Action => "escalate_to_reviewer";

    public override string Label => "Ask the municipality's reviewer to look at it";

    public override StepActor TakenBy => StepActor.Resident;

    public override IReadOnlyList<StepField> Fields { get; } =
        [new("reasons", "Why you are not satisfied (optional)", FieldKind.LongText, Required: false, MaxLength: 8000)];

    public override string? Refusal(StepContext step) => Escalation.Refusal(step, EscalationRoute.MunicipalReviewer);

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        Escalation.Record(step, EscalationRoute.MunicipalReviewer, request.Reasons);
        step.Timeline(Visibility.Public, "You asked the municipality's reviewer to look at your appeal.");
        step.Mail.Resident(step.Case, "Your appeal is with the municipality's reviewer", "You asked the municipality's reviewer to look at your appeal. You will get their answer by e-mail.");
        const string body = "A resident escalated an appeal about a municipal account. As the municipality's reviewer, please review the decision and answer with reasons.";
        if (step.Protocol.AppealReviewerUserId is { } reviewer)
        {
            await step.Mail.UserAsync(step.Case, reviewer, "An escalated appeal to review", body, ct);
        }
        else
        {
            await step.Mail.RoleAsync(step.Case, StaffRoles.Clerk, "An escalated appeal to review", body, ct);
        }
    }
}

/// <summary>What both escalations share: once only, by the deadline, along the route the account's owner decides.</summary>
internal static class Escalation
{
    public static string? Refusal(StepContext step, EscalationRoute route)
    {
        var appeal = step.Case.Appeal!;
        if (AppealRouting.Escalation(appeal.Owner) != route)
        {
            return route == EscalationRoute.IntegrityCommissioner
                ? "This account is the municipality's: the Integrity Commissioner has no say over it. Ask the municipality's reviewer instead."
                : "This account is a member's: take it to the Integrity Commissioner instead.";
        }

        if (appeal.EscalatedAt is not null)
        {
            return "This appeal was already escalated: it can be escalated once.";
        }

        return appeal.EscalateBy is { } by && step.Today > by ? $"The time to escalate ended on {by:d MMMM yyyy}." : null;
    }

    public static void Record(StepContext step, EscalationRoute route, string? reason)
    {
        var appeal = step.Case.Appeal!;
        appeal.EscalatedTo = route;
        appeal.EscalatedAt = step.Now;
        appeal.EscalationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}

/// <summary>The time to escalate passed (or the resident is done): the appeal closes.</summary>
internal sealed class CloseWithoutEscalation : CaseStep
{
    public override string Action => "close_without_escalation";

    public override string Label => "Close the appeal";

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        step.Timeline(Visibility.Public, "Your appeal is closed.");
        return Task.CompletedTask;
    }

    public override Task ByTimerAsync(StepContext step, CancellationToken ct)
    {
        step.Timeline(Visibility.Public, "The time to escalate passed: your appeal is closed.");
        return Task.CompletedTask;
    }
}

/// <summary>The municipality's reviewer answers an escalated corporate appeal; the letter names Ombudsman Ontario as the next step (R9).</summary>
internal sealed class RecordReview : CaseStep
{
    public const string Ombudsman = "If you are still not satisfied, you may complain to the Ombudsman of Ontario, who reviews municipal services: "
        + "www.ombudsman.on.ca or 1-800-263-1830.";

    public override string Action => "record_review";

    public override string Label => "Record the review";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("reviewOutcome", "Outcome", FieldKind.Choice, Options: [("Confirmed", "The decision stands"), ("Changed", "The decision is changed: restore access or content")]),
        new("reasons", "Reasons (the resident will read them)", FieldKind.LongText, MaxLength: 8000),
    ];

    public override string? Refusal(StepContext step) => step.Protocol.AppealReviewerUserId is { } reviewer
        ? reviewer == step.Viewer.UserId ? null : "The municipality named another reviewer for escalated appeals."
        : step.Viewer.Is(StaffRoles.Clerk) ? null : "A clerk reviews escalated appeals until the municipality names a reviewer.";

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (request.ReviewOutcome is null)
        {
            step.Error("reviewOutcome", "Choose whether the decision stands or is changed.");
        }

        if (string.IsNullOrWhiteSpace(request.Reasons))
        {
            step.Error("reasons", "Give the reasons for the review, in plain words.");
        }

        var decision = await step.DecisionAsync(ct);
        if (decision is null)
        {
            step.Error("action", "There is no decision to review.");
        }

        if (step.Failed)
        {
            return;
        }

        decision!.ReviewOutcome = request.ReviewOutcome.ToString();
        decision.ReviewReasons = request.Reasons!.Trim();
        decision.ReviewedBy = step.ActorName;
        decision.ReviewedAt = step.Now;
        var said = request.ReviewOutcome == ReviewOutcome.Confirmed
            ? "The municipality's reviewer confirmed the decision."
            : "The municipality's reviewer changed the decision: your access or content will be restored.";
        step.Timeline(Visibility.Public, $"{said} Reasons: {decision.ReviewReasons} {Ombudsman}");
        step.Mail.Resident(step.Case, "The review of your appeal", $"{said}\n\nReasons:\n{decision.ReviewReasons}\n\n{Ombudsman}");
        if (request.ReviewOutcome == ReviewOutcome.Changed)
        {
            await step.Mail.RoleAsync(step.Case, StaffRoles.SocialMediaManager, "Restore access or content after a review",
                $"The municipality's reviewer changed the decision on this appeal. Please restore the resident's access or content.\n\nReasons:\n{decision.ReviewReasons}", ct);
        }
    }
}
