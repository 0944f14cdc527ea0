using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Protocol;
using Governance.Complaints.Workflows;
using Governance.Platform;
using Governance.Platform.Workflows;
using Governance.Policies.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Staff;

/// <summary>A case as the viewer may see it (R15): each part shown only to the sights that need it, deadlines as stored.</summary>
internal sealed class CaseDetails(
    ComplaintsDbContext db,
    CaseAccess access,
    IAccountRegistry accounts,
    IMunicipalityDirectory municipalities,
    IPolicyCatalog policies,
    ElectionWindows windows,
    StepRunner runner,
    SharedKernel.ICurrentActor actor,
    TimeProvider clock)
{
    public async Task<CaseDetail> ForAsync(Case found, Sight sight, CancellationToken ct)
    {
        var instance = await access.InstanceAsync(found, ct);
        var task = instance is null ? null : await db.Set<WorkflowBookmark>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.InstanceId == instance.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task, ct);
        var deadline = task?.DueAt is { } due
            ? new DeadlineView(due, task.DueExplanation?.Split('\n') ?? [])
            : null;
        var full = NeedToKnow.SeesInvestigation(sight);
        var seen = sight switch
        {
            Sight.Full or Sight.AppealTeam => [Visibility.Public, Visibility.Parties, Visibility.Internal],
            Sight.Member or Sight.AppealOwner or Sight.AppealReviewer => [Visibility.Public, Visibility.Parties],
            _ => new[] { Visibility.Public },
        };
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.CaseId == found.Id && seen.Contains(t.Visibility)).OrderBy(t => t.At)
            .Select(t => new StaffTimelineEntry(t.At, t.Visibility.ToString(), t.Text, t.By)).ToListAsync(ct);
        var files = full
            ? await db.Evidence.AsNoTracking().Where(e => e.CaseId == found.Id)
                .Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt)).ToListAsync(ct)
            : [];
        var review = full ? await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == found.Id, ct) : null;
        var decision = found.Appeal is null ? null : await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == found.Id, ct);
        var flow = instance?.Flow ?? CaseFlows.Latest(found.Kind);
        var stage = instance?.Stage ?? "";
        var actions = instance is { Status: WorkflowStatus.Running } && sight != Sight.None
            ? (await runner.AvailableAsync(found, flow, stage, actor.Name, access.Viewer, ct)).Select(s => s.Action).ToList()
            : [];
        return new CaseDetail(found.Reference, found.Kind.ToString(), found.Status.ToString(), stage,
            stage.Length == 0 ? "" : flow.Stage(stage).PublicText, sight.ToString(), found.SubmittedAt,
            CaseAccess.IsCaseTeam(sight) ? found.AssignedToName : null,
            found.Appeal is { } appeal ? Appeal(found, appeal) : null,
            found.Complaint is { } complaint ? Complaint(found, complaint, sight) : null,
            found.Complaint is null ? null : await ReportAsync(found, sight, ct),
            found.Appeal is { } a && sight is Sight.AppealTeam or Sight.AppealOwner ? await IntakeAsync(found, a, ct) : null,
            review is null ? null : new ReviewView(review.Assessments, review.Pattern, review.Finding, review.AdverseEffectFound, review.ReviewedBy, review.ReviewedAt),
            decision is null ? null : new DecisionView(decision.Outcome, decision.Reasons, decision.RuleRelied, decision.GroundAnswers,
                decision.DecidedBy, decision.DecidedAt, decision.RestoredAt, decision.ReviewOutcome, decision.ReviewReasons, decision.ReviewedBy),
            deadline, await ElectionAsync(found, stage, sight, ct), actions, timeline, files);
    }

    private static AppealView Appeal(Case found, AppealDetails a) => new(a.AccountDescription ?? "", a.AccountId, a.PlatformHandle,
        a.Subject.ToString(), a.HappenedOn, a.ContentPosted, a.ReasonGiven, a.Grounds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        found.ContactName, a.OwnerKind.ToString(), a.OwnerName, a.RoutedAt, a.EscalateBy, a.EscalatedTo?.ToString(), a.EscalationReason,
        a.LinkedComplaintReference);

    private static ComplaintView Complaint(Case found, ComplaintDetails c, Sight sight)
    {
        var full = sight == Sight.Full;
        var council = sight == Sight.Council;
        var named = NeedToKnow.SeesComplainantName(sight, c.NameWithheldReason is not null);
        var contact = NeedToKnow.SeesContactDetails(sight);
        return new ComplaintView(c.MemberName, c.LocalBoard, c.Articles, council ? null : c.PostLinks, council ? null : c.WhatHappened,
            c.AllegesDiscrimination, named ? found.ContactName : null, full ? c.ComplainantKind.ToString() : null,
            contact ? found.ContactEmail : null, contact ? c.Phone : null, contact ? c.PostalAddress : null,
            council ? null : c.ConductOn, council ? null : c.AwareOn, full && c.FiledLate, full ? c.LateReason : null,
            full ? c.DeclarationKind.ToString() : null, full ? c.DeclarationName : null, full ? c.DeclaredAt : null,
            full ? c.CommissionedBy : null, full ? c.CommissionedOn : null, c.NameWithheldReason is not null && !council,
            full ? c.NameWithheldReason : null, full ? c.Disposition?.ToString() : null, full ? c.LeadReference : null,
            full ? c.WithdrawalRequestedAt : null, full ? c.WithdrawalReason : null, full ? c.FromAppealReference : null,
            full ? c.HeldUntil : null);
    }

    private async Task<ReportView?> ReportAsync(Case found, Sight sight, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == found.Id, ct);
        if (r is null || sight == Sight.None)
        {
            return null;
        }

        var full = sight == Sight.Full;
        var member = sight == Sight.Member;
        var issued = r.FinalIssuedAt is not null;
        // Council, and so its clerk, gets the report as issued and published: the IC's redactions applied (R15).
        var published = sight == Sight.Council && r.PublishedAt is not null
            ? Registry.PublishReport.Published(found, r, Registry.PublishReport.MarksOf(r)).Fields
            : null;
        return new ReportView(
            (full || member) && r.DraftSentAt is not null ? r.DraftText : null,
            full || member ? r.MemberResponse : null,
            full ? r.SharedResponse : null,
            full || member ? r.MemberComment : null,
            full || member && issued ? r.FinalText : published?.Report,
            full || issued ? r.BreachFound : null,
            full || member && issued ? r.RecommendedSanction : published?.RecommendedSanction,
            r.CouncilDecision, r.Reprimand, r.PaySuspensionDays,
            (r.Measures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), r.RemedialMeasures, r.CouncilDecidedOn, r.ResolutionNumber,
            r.FinalIssuedAt, r.PublishedAt);
    }

    /// <summary>R12: a terminated file's restart window, or why a report now waits.</summary>
    private async Task<ElectionView?> ElectionAsync(Case found, string stage, Sight sight, CancellationToken ct)
    {
        if (found.Complaint is null || sight == Sight.None)
        {
            return null;
        }

        string? notice = null;
        if (stage == Workflows.CodeOfConduct.ComplaintFlow.Stages.Publication || stage == Workflows.CodeOfConduct.ComplaintFlow.Stages.FinalReport)
        {
            var zone = (await municipalities.FindAsync(found.MunicipalityId, ct))?.TimeZone;
            notice = ElectionPeriod.ReportMustWait(await windows.OnAsync(found.MunicipalityId, clock.TodayIn(zone ?? MunicipalTime.DefaultTimeZone), ct));
        }

        return found.TerminatedAt is null && notice is null
            ? null
            : new ElectionView(found.TerminatedAt, found.RestartBy, found.RestartRequestedAt, notice);
    }

    private async Task<IntakeContext> IntakeAsync(Case found, AppealDetails appeal, CancellationToken ct)
    {
        // The account as it was at the end of the day it happened, in the municipality's time zone.
        var zone = (await municipalities.FindAsync(found.MunicipalityId, ct))?.TimeZone;
        var endOfDay = MunicipalTime.StartOf(appeal.HappenedOn.AddDays(1), zone).AddSeconds(-1);
        var classification = appeal.AccountId is { } id ? await accounts.ClassificationOnAsync(found.MunicipalityId, id, endOfDay, ct) : null;
        var rules = await policies.HouseRulesInForceAsync(found.MunicipalityId, appeal.AccountId, appeal.HappenedOn, ct);
        var against = appeal.AccountId is { } accountId && !string.IsNullOrWhiteSpace(appeal.PlatformHandle)
            ? await accounts.ActionsAgainstAsync(found.MunicipalityId, accountId, appeal.PlatformHandle, ct)
            : [];
        var pattern = appeal.AccountId is { } a ? await accounts.BlockPatternAsync(found.MunicipalityId, a, clock.GetUtcNow(), ct) : null;
        return new IntakeContext(classification?.Classification, classification?.FiredCriteria ?? [],
            rules is null ? null : $"{rules.Title}, version {rules.Number} (in force from {rules.EffectiveFrom:d MMM yyyy})",
            rules?.PublicUrl, against, pattern);
    }
}
