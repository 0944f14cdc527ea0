using Governance.Complaints.Domain;
using Governance.Complaints.Features.Staff;
using Governance.SharedKernel;

namespace Governance.Complaints.Workflows.CodeOfConduct;

/// <summary>What the text steps share: a required text of at most 20,000 characters.</summary>
internal abstract class TextStep : CaseStep
{
    protected abstract string FieldLabel { get; }

    public override IReadOnlyList<StepField> Fields => [new("text", FieldLabel, FieldKind.LongText, MaxLength: 20_000)];

    public sealed override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            step.Error("text", "Write the text (up to 20,000 characters).");
            return;
        }

        await RecordAsync(step, request.Text.Trim(), ct);
    }

    protected abstract Task RecordAsync(StepContext step, string text, CancellationToken ct);
}

/// <summary>The member's response (or, for a member without an account, the response the IC's team received and records).</summary>
internal sealed class SubmitResponse : TextStep
{
    public override string Action => "submit_response";

    public override string Label => "Send the response";

    protected override string FieldLabel => "The member's response";

    protected override async Task RecordAsync(StepContext step, string text, CancellationToken ct)
    {
        (await step.ReportAsync(ct)).MemberResponse = text;
        // Version 1 shared the response as it was; from version 2 the IC reviews it first (R16).
        step.Timeline(step.Flow.Version == 1 ? Visibility.Parties : Visibility.Internal, $"The member's response: {text}");
        step.Timeline(Visibility.Public, "The member's response was received.");
        if (step.Flow.Version > 1)
        {
            await step.Mail.RoleAsync(step.Case, StaffRoles.IntegrityCommissioner, "The member responded",
                "The member responded. Review the response and share it with the complainant (redacting passages if you must).", ct);
        }
    }
}

/// <summary>The member did not respond by the deadline: the investigation goes on.</summary>
internal sealed class ResponseOverdue : CaseStep
{
    public override string Action => "response_overdue";

    public override string Label => "Continue without the member's response";

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        step.Timeline(Visibility.Public, "The member did not respond; the investigation goes on.");
        return Task.CompletedTask;
    }

    public override Task ByTimerAsync(StepContext step, CancellationToken ct) => RecordAsync(step, new CaseActionRequest(), ct);
}

/// <summary>R16: the IC shares the member's response with the complainant (passages redacted, with a reason) and invites a reply.</summary>
internal sealed class ShareResponse : CaseStep
{
    public override string Action => "share_response";

    public override string Label => "Share the response with the complainant";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("marks", "Passages to redact before sharing (one per line)", FieldKind.Lines, Required: false, MaxLength: 2000),
        new("redactionReason", "Why those passages are redacted", FieldKind.LongText, Required: false, MaxLength: 2000),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        var report = await step.ReportAsync(ct);
        var marks = Redaction.Normalise(request.Marks);
        if (report.MemberResponse is null)
        {
            step.Error("action", "There is no response to share.");
            return;
        }

        if (marks.Count > 0 && string.IsNullOrWhiteSpace(request.RedactionReason))
        {
            step.Error("redactionReason", "Give the reason for redacting passages of the response.");
            return;
        }

        report.SharedResponse = Redaction.Apply(report.MemberResponse, marks);
        report.ResponseRedactionReason = marks.Count > 0 ? request.RedactionReason!.Trim() : null;
        if (report.ResponseRedactionReason is not null)
        {
            step.Timeline(Visibility.Internal, $"Passages of the response were redacted before sharing: {report.ResponseRedactionReason}");
        }

        step.Timeline(Visibility.Parties, $"The member's response, as shared with the complainant: {report.SharedResponse}");
        step.Mail.Resident(step.Case, "The member's response to your complaint",
            $"The member responded to your complaint{(marks.Count > 0 ? " (some passages were redacted)" : "")}:\n\n{report.SharedResponse}\n\n"
            + "You may reply through your private link within 10 business days.");
    }
}

/// <summary>The complainant replies through their tracking link (their own step).</summary>
internal sealed class SubmitReply : TextStep
{
    public override string Action => "submit_reply";

    public override string Label => "Send my reply";

    public override StepActor TakenBy => StepActor.Resident;

    protected override string FieldLabel => "Your reply to the member's response";

    protected override async Task RecordAsync(StepContext step, string text, CancellationToken ct)
    {
        step.Timeline(Visibility.Parties, $"The complainant's reply: {text}");
        step.Timeline(Visibility.Public, "You replied to the member's response.");
        await step.Mail.RoleAsync(step.Case, StaffRoles.IntegrityCommissioner, "The complainant replied", "The complainant replied to the member's response.", ct);
    }
}

/// <summary>The IC's team records a reply the complainant sent another way (by letter).</summary>
internal sealed class RecordReply : TextStep
{
    public override string Action => "record_reply";

    public override string Label => "Record the complainant's reply";

    protected override string FieldLabel => "The complainant's reply";

    protected override Task RecordAsync(StepContext step, string text, CancellationToken ct)
    {
        step.Timeline(Visibility.Parties, $"The complainant's reply: {text}");
        step.Timeline(Visibility.Public, "The complainant's reply was received.");
        return Task.CompletedTask;
    }
}

/// <summary>No reply by the deadline: the investigation goes on.</summary>
internal sealed class NoReply : CaseStep
{
    public override string Action => "no_reply";

    public override string Label => "Continue without a reply";

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        step.Timeline(Visibility.Public, "No reply was received; the investigation goes on.");
        return Task.CompletedTask;
    }

    public override Task ByTimerAsync(StepContext step, CancellationToken ct) => RecordAsync(step, new CaseActionRequest(), ct);
}
