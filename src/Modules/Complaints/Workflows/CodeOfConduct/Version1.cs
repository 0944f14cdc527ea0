using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Staff;
using Governance.Platform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Workflows.CodeOfConduct;

/// <summary>
/// The steps only version 1 of the complaint workflow has, for the cases that started on it. No new case reaches them:
/// version 2 replaced them with the coded disposition, the election period job and publication on issue.
/// </summary>
internal static class Version1
{
    /// <summary>The day a held case resumes: its stored hold date, at the start of the day (UTC).</summary>
    public static async ValueTask<WorkflowDue> HoldEnds(WorkflowStepContext context, CancellationToken ct)
    {
        var db = (ComplaintsDbContext)context.Db;
        var until = await (from c in db.Cases.IgnoreQueryFilters()
                           join d in db.Set<ComplaintDetails>() on c.Id equals d.CaseId
                           where c.Reference == context.Instance.CorrelationId
                           select d.HeldUntil).FirstAsync(ct);
        return until is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : context.Now;
    }

    internal sealed class HoldForElection : CaseStep
    {
        public override string Action => "hold_for_blackout";

        public override string Label => "Hold for the election";

        public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
        {
            step.Timeline(Visibility.Public, "The complaint is on hold until after the election.");
            return Task.CompletedTask;
        }
    }

    internal sealed class ResumeAfterElection : CaseStep
    {
        public override string Action => "resume_after_blackout";

        public override string Label => "Resume after the election";

        public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
        {
            step.Case.Complaint!.HeldUntil = null;
            step.Timeline(Visibility.Public, "The election is over: work on the complaint has resumed.");
            return Task.CompletedTask;
        }

        public override Task ByTimerAsync(StepContext step, CancellationToken ct) => RecordAsync(step, new CaseActionRequest(), ct);
    }

    /// <summary>Version 1's dismissal, with its five reasons mapped to the coded dispositions.</summary>
    internal sealed class Dismiss : CaseStep
    {
        public override string Action => "dismiss";

        public override string Label => "Dismiss the complaint";

        public override IReadOnlyList<StepField> Fields { get; } =
        [
            new("dismissalReason", "Why", FieldKind.Choice, Options:
                [("frivolous", "Frivolous"), ("vexatious", "Vexatious"), ("bad_faith", "In bad faith"), ("out_of_jurisdiction", "Out of jurisdiction"), ("out_of_time", "Out of time")]),
            new("reasons", "Reasons (the complainant will read them)", FieldKind.LongText, MaxLength: 8000),
        ];

        public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
        {
            IntakeDisposition? disposition = request.DismissalReason switch
            {
                "frivolous" or "vexatious" or "bad_faith" => IntakeDisposition.FrivolousVexatiousOrBadFaith,
                "out_of_jurisdiction" => IntakeDisposition.OutsideJurisdiction,
                "out_of_time" => IntakeDisposition.OutOfTime,
                _ => null,
            };
            if (disposition is null)
            {
                step.Error("dismissalReason", "Choose why (R16): frivolous, vexatious, bad_faith, out_of_jurisdiction or out_of_time.");
            }

            if (string.IsNullOrWhiteSpace(request.Reasons))
            {
                step.Error("reasons", "Give the reasons for dismissing the complaint.");
            }

            if (step.Failed)
            {
                return Task.CompletedTask;
            }

            step.Case.Complaint!.Disposition = disposition;
            step.Timeline(Visibility.Public, $"The complaint is dismissed ({request.DismissalReason!.Replace('_', ' ')}). Reasons: {request.Reasons!.Trim()}");
            step.Mail.Resident(step.Case, "Your complaint is dismissed", $"{FairProcess.Explain(disposition!.Value)}\n\nReasons:\n{request.Reasons.Trim()}");
            return Task.CompletedTask;
        }
    }

    internal sealed class ResolveInformally : CaseStep
    {
        public override string Action => "resolve_informally";

        public override string Label => "Resolve informally";

        public override IReadOnlyList<StepField> Fields { get; } =
            [new("reasons", "The informal resolution (the complainant will read it)", FieldKind.LongText, MaxLength: 8000)];

        public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(request.Reasons))
            {
                step.Error("reasons", "Describe the informal resolution.");
                return Task.CompletedTask;
            }

            step.Case.Complaint!.Disposition = IntakeDisposition.ResolvedInformally;
            step.Timeline(Visibility.Public, $"The complaint was resolved informally: {request.Reasons.Trim()}");
            step.Mail.Resident(step.Case, "Your complaint was resolved informally", request.Reasons.Trim());
            return Task.CompletedTask;
        }
    }

    /// <summary>Version 1 issued the report and published it after council decided (the IC previews it then).</summary>
    internal sealed class IssueFinalReport : CaseStep
    {
        public override string Action => "issue_final_report";

        public override string Label => "Issue the final report to council";

        public override IReadOnlyList<StepField> Fields { get; } =
        [
            new("reportText", "Final report", FieldKind.LongText, MaxLength: 50_000),
            new("recommendedSanction", "Recommended penalty or remedial measures", FieldKind.Text, Required: false, MaxLength: 2000),
        ];

        public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(request.ReportText))
            {
                step.Error("reportText", "Write the report (up to 50,000 characters).");
                return;
            }

            var report = await step.ReportAsync(ct);
            report.FinalText = request.ReportText.Trim();
            report.RecommendedSanction = request.RecommendedSanction?.Trim();
            report.FinalIssuedAt = step.Now;
            report.IssuedBy = step.ActorName;
            step.Timeline(Visibility.Public, "The final report was issued to council.");
        }
    }
}
