using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.CodeOfConduct;
using Governance.Complaints.Features.Staff;
using Governance.Complaints.Jobs;
using Governance.Complaints.Workflows;
using Governance.Complaints.Workflows.Appeals;
using Governance.Complaints.Workflows.CodeOfConduct;
using Governance.Platform;
using Governance.Platform.Audit;
using Governance.Platform.Files;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Tracking;

internal sealed record PublicTimelineEntry(DateTimeOffset At, string Text);

/// <summary>The complaint an escalated appeal became, with the resident's private link to it (the same resident owns both).</summary>
internal sealed record LinkedCase(string Reference, string TrackingUrl);

/// <summary>What the resident may do now through their link, each with its deadline where there is one.</summary>
internal sealed record ResidentOptions(bool AddInformation, bool Reply, string? Escalate, DateOnly? EscalateBy, bool Restart, DateOnly? RestartBy,
    bool Withdraw, bool WithdrawalRequested, bool Complete);

internal sealed record PublicCaseView(string Reference, string Kind, string Status, string Stage, DateTimeOffset SubmittedAt,
    DateTimeOffset? DueBy, IReadOnlyList<PublicTimelineEntry> Timeline, ResidentOptions Options, string? Member,
    IReadOnlyList<string> Articles, string? WhatHappened, LinkedCase? Linked)
{
    public bool CanAddInformation => Options.AddInformation;

    public bool CanWithdraw => Options.Withdraw;
}

/// <summary>
/// What a resident can do with their reference number and private link: see where the case stands and its shared
/// timeline, add information, reply to the member's response, escalate a decided appeal once, ask to restart a file the
/// election period ended, complete a complaint escalated from their appeal, withdraw (an appeal at once; a complaint
/// on the IC's decision). A wrong token finds nothing (404), like an unknown reference.
/// </summary>
internal sealed class TrackCase(ComplaintsDbContext db, ITenantScope tenant, StepRunner runner, FileComplaint complaints,
    ElectionPeriodWork election, WorkflowRuntime workflows, EvidenceStore evidence, CaseMail mail, IMunicipalityDirectory municipalities,
    Policies.Contracts.IPolicyCatalog policies, AuditTrail audit, TimeProvider clock)
{
    private static readonly Viewer Resident = new(null, []);

    public async Task<Result<PublicCaseView>> ViewAsync(string reference, string? token, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        audit.Record(db, "case.viewed", "Case", found.Reference, found.MunicipalityId, "tracking link");
        await db.SaveChangesAsync(ct);
        return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
    }

    /// <summary>An appeal is withdrawn at once; a complaint's withdrawal is a request the IC decides (R16).</summary>
    public async Task<Result<PublicCaseView>> WithdrawAsync(string reference, string? token, string? reason, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        if (found.Status is CaseStatus.Closed or CaseStatus.Withdrawn)
        {
            return Result<PublicCaseView>.Conflict("This case is already closed.");
        }

        if (reason?.Length > 4000)
        {
            return Result<PublicCaseView>.Invalid("reason", "Keep the reason under 4,000 characters.");
        }

        if (found.Complaint is { } complaint && found.Status != CaseStatus.AwaitingSignature)
        {
            if (complaint.WithdrawalRequestedAt is not null)
            {
                return Result<PublicCaseView>.Conflict("You already asked to withdraw; the Integrity Commissioner will answer.");
            }

            complaint.WithdrawalRequestedAt = clock.GetUtcNow();
            complaint.WithdrawalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            AddTimeline(found, Visibility.Public, "You asked to withdraw your complaint. The Integrity Commissioner decides whether the inquiry continues in the public interest, and will tell you.");
            audit.Record(db, "case.withdrawal-requested", "Case", found.Reference, found.MunicipalityId);
            await mail.RoleAsync(found, StaffRoles.IntegrityCommissioner, "A complainant asks to withdraw", "The complainant asked to withdraw the complaint. Decide whether the inquiry continues in the public interest.", ct);
            await db.SaveChangesAsync(ct);
            return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
        }

        found.Status = CaseStatus.Withdrawn;
        AddTimeline(found, Visibility.Public, $"You withdrew your {Noun(found)}.");
        audit.Record(db, "case.withdrawn", "Case", found.Reference, found.MunicipalityId);
        var instance = await InstanceAsync(found, ct);
        if (instance is { Status: WorkflowStatus.Running or WorkflowStatus.Suspended })
        {
            var cancelled = await workflows.CancelAsync(db, instance.Id, "withdrawn by the resident", ct);
            if (!cancelled.Succeeded)
            {
                return Result<PublicCaseView>.Conflict("The case changed while you were withdrawing it. Please try again.");
            }
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
    }

    public async Task<Result<PublicCaseView>> AddInformationAsync(string reference, string? token, string? text,
        IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        if (found.Status is not (CaseStatus.Open or CaseStatus.OnHold))
        {
            return Result<PublicCaseView>.Conflict("This case is not open; it cannot take more information.");
        }

        if (string.IsNullOrWhiteSpace(text) && files.Count == 0)
        {
            return Result<PublicCaseView>.Invalid("information", "Write the information or attach a file.");
        }

        if (text?.Length > 10_000)
        {
            return Result<PublicCaseView>.Invalid("information", "Keep it under 10,000 characters; attach a file for more.");
        }

        if (await CaseFiling.CheckFilesAsync(files, ct) is { } problem)
        {
            return Result<PublicCaseView>.Invalid("evidence", problem);
        }

        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            await using var stream = file.Open();
            var stored = await evidence.SaveAsync(file.FileName, stream, ct);
            db.Evidence.Add(new CaseEvidence
            {
                Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, FileName = stored.FileName,
                ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, UploadedAt = now, UploadedBy = "resident",
            });
        }

        AddTimeline(found, Visibility.Public, $"You sent more information{(files.Count > 0 ? $" and {files.Count} file(s)" : "")}.");
        if (!string.IsNullOrWhiteSpace(text))
        {
            AddTimeline(found, Visibility.Parties, $"Information from the resident: {text.Trim()}");
        }

        audit.Record(db, "case.information-added", "Case", found.Reference, found.MunicipalityId, $"{files.Count} file(s)");
        var instance = await InstanceAsync(found, ct);
        if (instance is { Status: WorkflowStatus.Running, Stage: AppealFlow.Stages.AwaitingInformation })
        {
            var resumed = await runner.RunAsync(found, new InformationReceived().Action, new CaseActionRequest(), "resident", Resident, StepActor.Resident, ct);
            if (!resumed.Succeeded)
            {
                return Result<PublicCaseView>.Conflict("The case changed while you were sending. Please try again.");
            }
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
    }

    /// <summary>R16: the complainant replies to the member's response, once it was shared with them.</summary>
    public Task<Result<PublicCaseView>> ReplyAsync(string reference, string? token, string? text, CancellationToken ct)
        => TakeStepAsync(reference, token, new SubmitReply().Action, new CaseActionRequest { Text = text }, ct);

    /// <summary>The resident's own workflow steps, with what they sent.</summary>
    private async Task<Result<PublicCaseView>> TakeStepAsync(string reference, string? token, string action, CaseActionRequest request,
        CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        if (Platform.Web.ValidationFilter.Validate(request) is { Count: > 0 } invalid)
        {
            return Result<PublicCaseView>.Invalid(invalid);
        }

        var taken = await runner.RunAsync(found, action, request, "resident", Resident, StepActor.Resident, ct);
        return taken.Status switch
        {
            ResultStatus.Ok => Result<PublicCaseView>.Ok(await ToViewAsync(found, ct)),
            ResultStatus.Invalid => Result<PublicCaseView>.Invalid(taken.Errors),
            _ => Result<PublicCaseView>.Conflict(taken.Message ?? "This is not possible now."),
        };
    }

    /// <summary>R9: the resident escalates an upheld appeal once, along the route its account's owner decides.</summary>
    public async Task<Result<PublicCaseView>> EscalateAsync(string reference, string? token, string? reason, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found?.Appeal is not { } appeal)
        {
            return found is null ? Result<PublicCaseView>.NotFound() : Result<PublicCaseView>.Conflict("Only an appeal can be escalated.");
        }

        var action = AppealRouting.Escalation(appeal.Owner) == EscalationRoute.IntegrityCommissioner
            ? new EscalateToCommissioner().Action
            : new EscalateToReviewer().Action;
        return await TakeStepAsync(reference, token, action, new CaseActionRequest { Reasons = reason }, ct);
    }

    /// <summary>R12: the complainant asks in writing to take up an inquiry the election period ended.</summary>
    public async Task<Result<PublicCaseView>> RequestRestartAsync(string reference, string? token, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        var requested = await election.RequestRestartAsync(found, "complainant", ct);
        return requested.Succeeded ? Result<PublicCaseView>.Ok(await ToViewAsync(found, ct)) : Result<PublicCaseView>.Conflict(requested.Message!);
    }

    /// <summary>R9, R16: the resident completes and signs the complaint their escalated appeal created.</summary>
    public async Task<Result<PublicCaseView>> CompleteAsync(string reference, string? token, CompleteComplaintRequest request, CancellationToken ct)
    {
        var found = await FindAsync(reference, token, ct);
        if (found is null)
        {
            return Result<PublicCaseView>.NotFound();
        }

        if (found.Status != CaseStatus.AwaitingSignature)
        {
            return Result<PublicCaseView>.Conflict("This complaint is already filed.");
        }

        var completed = await complaints.CompleteAsync(found, request, ct);
        if (!completed.Succeeded)
        {
            db.ChangeTracker.Clear();
            return completed.Status == ResultStatus.Invalid ? Result<PublicCaseView>.Invalid(completed.Errors) : Result<PublicCaseView>.Conflict(completed.Message!);
        }

        audit.Record(db, "complaint.filed", "Case", found.Reference, found.MunicipalityId, "signed from an escalated appeal");
        await db.SaveChangesAsync(ct);
        return Result<PublicCaseView>.Ok(await ToViewAsync(found, ct));
    }

    /// <summary>The Code of Conduct articles of the case's municipality, for completing an escalated complaint.</summary>
    public async Task<IReadOnlyList<Policies.Contracts.ConductArticle>> ArticlesAsync(string reference, CancellationToken ct)
    {
        var municipality = await db.Cases.IgnoreQueryFilters().Where(c => c.Reference == reference).Select(c => c.MunicipalityId).FirstAsync(ct);
        return await policies.ArticlesAsync(municipality, ct);
    }

    private async Task<Case?> FindAsync(string reference, string? token, CancellationToken ct)
    {
        if (!CaseReferences.IsWellFormed(reference))
        {
            return null;
        }

        var found = await db.Cases.IgnoreQueryFilters().Include(c => c.Appeal).Include(c => c.Complaint).FirstOrDefaultAsync(c => c.Reference == reference, ct);
        if (found is null || !CaseReferences.Matches(token, found.TrackingTokenHash))
        {
            return null;
        }

        tenant.Restrict(found.MunicipalityId);
        return found;
    }

    private Task<WorkflowInstance?> InstanceAsync(Case found, CancellationToken ct)
        => db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.CorrelationId == found.Reference, ct);

    private void AddTimeline(Case found, Visibility visibility, string text) => db.Timeline.Add(new TimelineEntry
    {
        Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(),
        Visibility = visibility, Text = text, By = "resident",
    });

    private static string Noun(Case found) => found.Kind == CaseKind.Appeal ? "appeal" : "complaint";

    private async Task<PublicCaseView> ToViewAsync(Case found, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.CorrelationId == found.Reference, ct);
        var running = instance is { Status: WorkflowStatus.Running };
        var flow = instance is null ? CaseFlows.Latest(found.Kind) : CaseFlows.Of(instance);
        var stage = instance?.Stage ?? "";
        var due = running
            ? await db.Set<WorkflowBookmark>().AsNoTracking()
                .Where(b => b.InstanceId == instance!.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task).Select(b => b.DueAt).FirstOrDefaultAsync(ct)
            : null;
        var timeline = await db.Timeline.AsNoTracking()
            .Where(t => t.CaseId == found.Id && (t.Visibility == Visibility.Public || t.Visibility == Visibility.Parties))
            .OrderBy(t => t.At).Select(t => new PublicTimelineEntry(t.At, t.Text)).ToListAsync(ct);
        var today = clock.TodayIn((await municipalities.FindAsync(found.MunicipalityId, ct))?.TimeZone ?? MunicipalTime.DefaultTimeZone);
        var open = found.Status is CaseStatus.Open or CaseStatus.OnHold;
        var residentSteps = running ? flow.Definition.Stage(stage).Actions.Keys.Select(flow.Step).Where(s => s.TakenBy == StepActor.Resident).ToList() : [];
        var escalate = found.Appeal is { } appeal && appeal.EscalatedAt is null && (appeal.EscalateBy is null || today <= appeal.EscalateBy)
            ? residentSteps.FirstOrDefault(s => s is EscalateToCommissioner or EscalateToReviewer && AppealRouting.Escalation(appeal.Owner)
                == (s is EscalateToCommissioner ? EscalationRoute.IntegrityCommissioner : EscalationRoute.MunicipalReviewer))?.Action
            : null;
        var options = new ResidentOptions(
            AddInformation: open,
            Reply: residentSteps.Any(s => s is SubmitReply),
            Escalate: escalate, EscalateBy: escalate is null ? null : found.Appeal!.EscalateBy,
            Restart: found.Status == CaseStatus.Terminated && found.RestartRequestedAt is null && ElectionPeriod.RestartRefusal(found.RestartBy, today) is null,
            RestartBy: found.Status == CaseStatus.Terminated ? found.RestartBy : null,
            Withdraw: (open || found.Status == CaseStatus.Terminated) && found.Complaint?.WithdrawalRequestedAt is null,
            WithdrawalRequested: found.Complaint?.WithdrawalRequestedAt is not null,
            Complete: found.Status == CaseStatus.AwaitingSignature);
        var status = found.Status switch
        {
            CaseStatus.Withdrawn => "Withdrawn",
            CaseStatus.Terminated => "Ended by the election period",
            CaseStatus.AwaitingSignature => "Waiting for you to complete and sign it",
            CaseStatus.OnHold => "On hold during the election period",
            _ => stage.Length == 0 ? "Received" : flow.Stage(stage).PublicText,
        };
        var complaint = found.Complaint;
        LinkedCase? linked = null;
        if (found.Appeal?.LinkedComplaintReference is { } linkedReference
            && await db.Cases.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Reference == linkedReference, ct) is { } linkedCase)
        {
            linked = new LinkedCase(linkedReference, mail.TrackingLink(linkedCase));
        }

        return new PublicCaseView(found.Reference, found.Kind.ToString(), found.Status.ToString(), status, found.SubmittedAt, due, timeline, options,
            complaint?.MemberName, complaint is null ? [] : complaint.Articles.Split("; ", StringSplitOptions.RemoveEmptyEntries),
            options.Complete ? complaint?.WhatHappened : null, linked);
    }
}
