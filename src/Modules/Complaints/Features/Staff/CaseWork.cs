using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Platform.Audit;
using Governance.Platform.Mail;
using Governance.Platform.Workflows;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Staff;

/// <summary>
/// Staff work on appeals: queues, the case page, and every workflow step with the data it records. Only the
/// case team sees a case; every read and change is audited.
/// </summary>
internal sealed class CaseWork(
    ComplaintsDbContext db,
    WorkflowRuntime workflows,
    ICurrentActor actor,
    IAccountRegistry accounts,
    IStaffDirectory staff,
    IMunicipalityDirectory municipalities,
    IPolicyCatalog policies,
    IServiceCalendar calendar,
    Platform.Outbox.Outbox outbox,
    AuditTrail audit,
    IDataProtectionProvider protection,
    Microsoft.AspNetCore.Http.IHttpContextAccessor http,
    TimeProvider clock)
{
    /// <summary>Who may open an appeal: the case team, and the account's managers for restoring access.</summary>
    public static readonly string[] AppealReaders =
        [StaffRoles.IntegrityCommissioner, StaffRoles.Investigator, StaffRoles.SocialMediaManager, StaffRoles.Administrator];

    /// <summary>The Integrity Commissioner's team sees a complaint's investigation.</summary>
    private static readonly string[] ComplaintTeam = [StaffRoles.IntegrityCommissioner, StaffRoles.Investigator];

    private enum Sight
    {
        None,
        /// <summary>Clerks: the complaint as filed and where it stands, not the investigation.</summary>
        Intake,
        /// <summary>The member complained about, once notified: no contact details of the complainant.</summary>
        Member,
        Full,
    }

    private Sight SightOf(Case found) => found.Kind switch
    {
        CaseKind.Appeal => AppealReaders.Any(actor.IsInRole) ? Sight.Full : Sight.None,
        _ when ComplaintTeam.Any(actor.IsInRole) => Sight.Full,
        _ when found.Complaint is { MemberNotifiedAt: not null } c && c.MemberUserId == actor.UserId => Sight.Member,
        _ when actor.IsInRole(StaffRoles.Clerk) => Sight.Intake,
        _ => Sight.None,
    };

    private bool CanRead(Case found) => SightOf(found) != Sight.None;

    /// <summary>The case team writes notes and works the case; members answer through their own steps, clerks record council's decision.</summary>
    private bool IsCaseTeam(Case found) => SightOf(found) == Sight.Full
        && (found.Kind == CaseKind.Appeal ? AppealWorkflow.CaseTeam : ComplaintWorkflow.CaseTeam).Any(actor.IsInRole);

    /// <summary>
    /// One page of the cases the caller may see, most urgent first (open task due soonest; the others after, by
    /// reference). Filtering, ordering and paging run in the database: an installation holds years of cases.
    /// </summary>
    public async Task<CasePage> QueueAsync(CaseQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = actor.UserId;
        IQueryable<Case> cases = db.Cases.AsNoTracking();
        if (!AppealReaders.Any(actor.IsInRole))
        {
            cases = cases.Where(c => c.Kind != CaseKind.Appeal);
        }

        if (!ComplaintTeam.Any(actor.IsInRole) && !actor.IsInRole(StaffRoles.Clerk))
        {
            cases = cases.Where(c => c.Kind != CaseKind.Complaint
                || (c.Complaint!.MemberNotifiedAt != null && c.Complaint.MemberUserId == me));
        }

        if (Enum.TryParse<CaseKind>(query.Type, ignoreCase: true, out var kind))
        {
            cases = cases.Where(c => c.Kind == kind);
        }

        // A case with an open task is open or on hold (closing or withdrawing ends its workflow), so "active" narrows
        // only the cases without one; leaving it out of the first run keeps that a plain read in due order.
        var active = query.Status == CaseQuery.OpenStatuses;
        if (!active && Enum.TryParse<CaseStatus>(query.Status, ignoreCase: true, out var status))
        {
            cases = cases.Where(c => c.Status == status);
        }

        cases = query.Assignee switch
        {
            "me" => cases.Where(c => c.AssignedToUserId == me),
            "unassigned" => cases.Where(c => c.AssignedToUserId == null),
            _ => cases,
        };
        // A page may pass anything typed; nothing but a reference or its beginning can match one.
        var reference = CaseQuery.IsReferenceSearch(query.Reference) ? query.Reference?.Trim().ToUpperInvariant() ?? "" : "~"; // "~" begins no reference
        var exact = CaseReferences.IsWellFormed(reference);
        if (reference.Length > 0)
        {
            // A part of a reference (APL-2026-0001) is a prefix; a whole one is a lookup on the unique index.
            cases = exact ? cases.Where(c => c.Reference == reference) : cases.Where(c => c.Reference.StartsWith(reference));
        }

        var instances = db.Set<WorkflowInstance>().AsQueryable();
        if (!string.IsNullOrEmpty(query.Stage))
        {
            instances = instances.Where(i => i.Stage == query.Stage);
        }

        var bookmarks = db.Set<WorkflowBookmark>();
        var skip = (query.Page - 1) * query.PageSize;
        var wanted = query.PageSize + 1; // one more than a page says whether there is a next page
        List<QueueRow> rows;
        if (exact)
        {
            // One case at most: found by its reference, with its open task's due date; nothing to order.
            rows = (await (from i in instances
                           join c in cases on i.CorrelationId equals c.Reference
                           select new QueueRow
                           {
                               Reference = c.Reference, Kind = c.Kind, Status = c.Status, Stage = i.Stage, SubmittedAt = c.SubmittedAt,
                               AssignedToName = c.AssignedToName,
                               Due = bookmarks.Where(b => b.InstanceId == i.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task)
                                   .Select(b => b.DueAt).FirstOrDefault(),
                           }).ToListAsync(ct))
                .Where(r => (!active || r.Status is CaseStatus.Open or CaseStatus.OnHold)
                    && (query.Overdue != true || r.Due < now) && (query.DueBefore is not { } before || r.Due <= before))
                .Skip(skip).ToList();
        }
        else
        {
            rows = await PageAsync(cases, active ? cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.OnHold) : cases,
                instances, bookmarks, query, now, skip, wanted, ct);
        }

        return new CasePage(rows.Take(query.PageSize)
            .Select(r => new CaseSummary(r.Reference, r.Kind.ToString(), r.Status.ToString(), r.Stage, r.SubmittedAt, r.Due,
                r.AssignedToName, r.Due < now && r.Status == CaseStatus.Open))
            .ToList(), query.Page, query.PageSize, rows.Count > query.PageSize);
    }

    /// <summary>
    /// A page of the list in two runs, each read in index order so that a page stops early: cases whose open task
    /// has a due date, soonest first; then all others (closed, or waiting without a deadline) by reference.
    /// </summary>
    private static async Task<List<QueueRow>> PageAsync(IQueryable<Case> cases, IQueryable<Case> undatedCases,
        IQueryable<WorkflowInstance> instances, IQueryable<WorkflowBookmark> bookmarks, CaseQuery query, DateTimeOffset now, int skip,
        int wanted, CancellationToken ct)
    {
        var dated = from b in bookmarks
                    where b.ConsumedAt == null && b.Kind == BookmarkKind.Task && b.DueAt != null
                    join i in instances on b.InstanceId equals i.Id
                    join c in cases on i.CorrelationId equals c.Reference
                    select new QueueRow
                    {
                        Reference = c.Reference, Kind = c.Kind, Status = c.Status, Stage = i.Stage, SubmittedAt = c.SubmittedAt,
                        AssignedToName = c.AssignedToName, Due = b.DueAt,
                    };
        if (query.Overdue == true)
        {
            dated = dated.Where(r => r.Due < now);
        }

        if (query.DueBefore is { } dueBefore)
        {
            dated = dated.Where(r => r.Due <= dueBefore);
        }

        var rows = await dated.OrderBy(r => r.Due).ThenBy(r => r.Reference).Skip(skip).Take(wanted).ToListAsync(ct);
        if (rows.Count == wanted || query.Overdue == true || query.DueBefore is not null)
        {
            return rows;
        }

        // Counted only when the page starts after the last dated case.
        var datedCount = rows.Count > 0 ? skip + rows.Count : await dated.CountAsync(ct);
        var undated = from i in instances
                      join c in undatedCases on i.CorrelationId equals c.Reference
                      where !bookmarks.Any(b => b.InstanceId == i.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task && b.DueAt != null)
                      orderby i.CorrelationId
                      select new QueueRow
                      {
                          Reference = c.Reference, Kind = c.Kind, Status = c.Status, Stage = i.Stage, SubmittedAt = c.SubmittedAt,
                          AssignedToName = c.AssignedToName,
                      };
        rows.AddRange(await undated.Skip(Math.Max(0, skip - datedCount)).Take(wanted - rows.Count).ToListAsync(ct));
        return rows;
    }

    /// <summary>A row of the case list; a class with setters so the database can order by its members.</summary>
    private sealed class QueueRow
    {
        public string Reference { get; init; } = "";

        public CaseKind Kind { get; init; }

        public CaseStatus Status { get; init; }

        public string Stage { get; init; } = "";

        public DateTimeOffset SubmittedAt { get; init; }

        public string? AssignedToName { get; init; }

        public DateTimeOffset? Due { get; init; }
    }

    public async Task<Result<CaseDetail>> DetailAsync(string reference, CancellationToken ct)
    {
        var found = await LoadAsync(reference, ct);
        if (found is null)
        {
            return Result<CaseDetail>.NotFound();
        }

        if (!CanRead(found))
        {
            return Result<CaseDetail>.Forbidden("Your role does not give access to this case.");
        }

        audit.Record(db, "case.read", "Case", found.Reference, found.MunicipalityId, SightOf(found).ToString());
        await db.SaveChangesAsync(ct);
        return Result<CaseDetail>.Ok(await ToDetailAsync(found, ct));
    }

    /// <summary>One evidence file of a case the viewer sees in full (R15); the download is audited, a miss is not.</summary>
    public async Task<Result<EvidenceView>> EvidenceAsync(string reference, Guid id, CancellationToken ct)
    {
        var found = await LoadAsync(reference, ct);
        if (found is null)
        {
            return Result<EvidenceView>.NotFound();
        }

        if (SightOf(found) != Sight.Full)
        {
            return Result<EvidenceView>.Forbidden("Only the case team sees a case's evidence.");
        }

        var file = await db.Evidence.AsNoTracking().Where(e => e.CaseId == found.Id && e.Id == id)
            .Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt)).FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return Result<EvidenceView>.NotFound();
        }

        audit.Record(db, "case.evidence-read", "Case", found.Reference, found.MunicipalityId, file.Sha256);
        await db.SaveChangesAsync(ct);
        return Result<EvidenceView>.Ok(file);
    }

    public async Task<Result<IReadOnlyList<string>>> AllowedActionsAsync(string reference, CancellationToken ct)
    {
        var found = await LoadAsync(reference, ct);
        if (found is null)
        {
            return Result<IReadOnlyList<string>>.NotFound();
        }

        if (!CanRead(found))
        {
            return Result<IReadOnlyList<string>>.Forbidden("Your role does not give access to this case.");
        }

        var instance = await InstanceAsync(found, ct);
        return Result<IReadOnlyList<string>>.Ok(instance is null ? [] : StaffActions(instance));
    }

    /// <summary>Takes one workflow step with what it records; another stage's action is a conflict (409).</summary>
    public async Task<Result<CaseDetail>> TakeActionAsync(string reference, string action, CaseActionRequest request,
        CancellationToken ct)
    {
        var found = await LoadAsync(reference, ct);
        if (found is null)
        {
            return Result<CaseDetail>.NotFound();
        }

        if (!CanRead(found))
        {
            return Result<CaseDetail>.Forbidden("Your role does not give access to this case.");
        }

        if (Platform.Web.ValidationFilter.Validate(request) is { Count: > 0 } invalid)
        {
            return Result<CaseDetail>.Invalid(invalid);
        }

        var instance = await InstanceAsync(found, ct);
        if (instance is null || instance.Status != WorkflowStatus.Running)
        {
            return Result<CaseDetail>.Conflict("This case is not open for work.");
        }

        var step = workflows.DefinitionOf(instance).Stage(instance.Stage).Actions.GetValueOrDefault(action);
        if (step is null)
        {
            return Result<CaseDetail>.Conflict($"'{action}' is not possible while the case is at '{instance.Stage}'.");
        }

        if (ResidentSteps.Contains(action) || step.AllowedRoles.Count > 0 && !step.AllowedRoles.Any(actor.IsInRole))
        {
            return Result<CaseDetail>.Forbidden(ResidentSteps.Contains(action)
                ? "Only the resident's own answer does this; the case team may go on without it, giving the reason (information_overdue)."
                : $"Your role may not '{action}'.");
        }

        // A remark with one's own step is for those who see the whole case (an account manager confirming a restore);
        // a member or a clerk answers in the step's own fields, never in the investigation timeline.
        if (!string.IsNullOrWhiteSpace(request.Note) && SightOf(found) != Sight.Full)
        {
            return Result<CaseDetail>.Forbidden("Only the case team writes notes; leave the note empty.");
        }

        if (SightOf(found) == Sight.Intake && action != "record_council_decision")
        {
            return Result<CaseDetail>.Forbidden("Clerks record council's decision; the investigation is the Integrity Commissioner's.");
        }

        var errors = await RecordStepAsync(found, action, request, ct);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<CaseDetail>.Invalid(errors);
        }

        if (step.TargetStage == AppealWorkflow.Closed)
        {
            found.Status = CaseStatus.Closed;
        }
        else if (instance.Stage == ComplaintWorkflow.Held)
        {
            found.Status = CaseStatus.Open;
        }

        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            AddTimeline(found, Visibility.Internal, request.Note.Trim());
        }

        audit.Record(db, $"case.{action}", "Case", found.Reference, found.MunicipalityId);
        var result = await workflows.ResumeAsync(db, instance.Id, action, ct);
        return result.Outcome switch
        {
            ResumeOutcome.Transitioned => Result<CaseDetail>.Ok(await ToDetailAsync(found, ct)),
            ResumeOutcome.Forbidden => Result<CaseDetail>.Forbidden(result.Message ?? "Not allowed."),
            ResumeOutcome.Faulted => Result<CaseDetail>.Conflict("The step failed and was recorded as an incident; nothing changed. Try again."),
            _ => Result<CaseDetail>.Conflict(result.Message ?? "Someone else moved this case first; reload it."),
        };
    }

    public async Task<Result<CaseDetail>> AssignToMeAsync(string reference, CancellationToken ct)
    {
        var found = await LoadAsync(reference, ct);
        if (found is null)
        {
            return Result<CaseDetail>.NotFound();
        }

        if (!CanRead(found) || !(actor.IsInRole(StaffRoles.IntegrityCommissioner) || actor.IsInRole(StaffRoles.Investigator)))
        {
            return Result<CaseDetail>.Forbidden("Only the case team can take a case.");
        }

        found.AssignedToUserId = actor.UserId;
        found.AssignedToName = actor.Name;
        AddTimeline(found, Visibility.Internal, $"{actor.Name} took the case.");
        audit.Record(db, "case.assigned", "Case", found.Reference, found.MunicipalityId, actor.Name);
        await db.SaveChangesAsync(ct);
        return Result<CaseDetail>.Ok(await ToDetailAsync(found, ct));
    }

    public async Task<Result<CaseDetail>> AddNoteAsync(string reference, string? text, bool shareWithParties, CancellationToken ct)
    {
        var found = await LoadAsync(reference, ct);
        if (found is null)
        {
            return Result<CaseDetail>.NotFound();
        }

        if (!IsCaseTeam(found))
        {
            return Result<CaseDetail>.Forbidden("Only the case team writes notes.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Result<CaseDetail>.Invalid("text", "Write a note of up to 4,000 characters.");
        }

        AddTimeline(found, shareWithParties ? Visibility.Parties : Visibility.Internal, text.Trim());
        audit.Record(db, "case.note", "Case", found.Reference, found.MunicipalityId, shareWithParties ? "shared" : "internal");
        await db.SaveChangesAsync(ct);
        return Result<CaseDetail>.Ok(await ToDetailAsync(found, ct));
    }

    /// <summary>Checks and records what a step needs; returns field errors, or none.</summary>
    private async Task<Dictionary<string, string[]>> RecordStepAsync(Case found, string action, CaseActionRequest request,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        var now = clock.GetUtcNow();
        switch (action)
        {
            case "request_information":
            case "close_out_of_scope":
                if (string.IsNullOrWhiteSpace(request.MessageToResident))
                {
                    Error("messageToResident", "Write what the resident is told, in plain words.");
                    break;
                }

                var lead = action == "request_information" ? "We need more information:" : "We closed your appeal:";
                AddTimeline(found, Visibility.Public, $"{lead} {request.MessageToResident.Trim()}");
                MailResident(found, action == "request_information" ? "We need more information about your appeal" : "Your appeal is closed",
                    $"{lead}\n\n{request.MessageToResident.Trim()}");
                break;

            case "complete_review":
                var grounds = found.Appeal?.Grounds.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
                var missing = grounds.Where(g => request.Assessments.All(a => a.Ground != g || string.IsNullOrWhiteSpace(a.Assessment))).ToList();
                if (missing.Count > 0)
                {
                    Error("assessments", $"Assess each ground the appellant raised: {string.Join(", ", missing.Select(HumanRightsGrounds.Label))}.");
                }

                if (request.Assessments.Any(a => !HumanRightsGrounds.IsKnown(a.Ground) || a.Assessment.Length > 2000))
                {
                    Error("assessments", "Each assessment names a Human Rights Code ground and has at most 2,000 characters.");
                }

                if (string.IsNullOrWhiteSpace(request.Pattern) || request.Pattern.Length > 4000)
                {
                    Error("pattern", "Describe what the account's other blocks and removals show.");
                }

                if (string.IsNullOrWhiteSpace(request.Finding) || request.Finding.Length > 4000)
                {
                    Error("finding", "Write the finding.");
                }

                if (errors.Count == 0)
                {
                    db.Reviews.Add(new HumanRightsReview
                    {
                        CaseId = found.Id,
                        Assessments = string.Join('\n', request.Assessments.Select(a => $"{a.Ground}: {a.Assessment.Trim()}")),
                        Pattern = request.Pattern!.Trim(), Finding = request.Finding!.Trim(), AdverseEffectFound = request.AdverseEffectFound,
                        ReviewedBy = actor.Name, ReviewedAt = now,
                    });
                    AddTimeline(found, Visibility.Public, "The Human Rights Code review is complete.");
                }

                break;

            case "uphold":
            case "restore_access":
            case "reinstate_content":
            case "refer_as_complaint":
                if (string.IsNullOrWhiteSpace(request.Reasons) || request.Reasons.Length > 8000)
                {
                    Error("reasons", "Give the reasons for the decision.");
                }

                var rules = await policies.RulesAsync(found.MunicipalityId, ct);
                if (string.IsNullOrWhiteSpace(request.RuleRelied) || rules.All(r => r.Code != request.RuleRelied))
                {
                    Error("ruleRelied", "Name the house rule the decision relies on (R4: a decision rests on a rule, not an opinion).");
                }

                if (errors.Count == 0)
                {
                    db.Decisions.Add(new AppealDecision
                    {
                        CaseId = found.Id, Outcome = action, Reasons = request.Reasons!.Trim(), RuleRelied = request.RuleRelied!,
                        DecidedBy = actor.Name, DecidedAt = now,
                    });
                    var said = action switch
                    {
                        "uphold" => "The decision is to keep the action that was taken.",
                        "restore_access" => "The decision is to restore your access. The account will confirm when it is done.",
                        "reinstate_content" => "The decision is to put your content back. The account will confirm when it is done.",
                        _ => "Your appeal is referred to the Integrity Commissioner as a Code of Conduct complaint.",
                    };
                    AddTimeline(found, Visibility.Public, $"{said} Reasons: {request.Reasons!.Trim()}");
                    MailResident(found, "A decision on your appeal", $"{said}\n\nReasons:\n{request.Reasons!.Trim()}");
                    if (found.Appeal?.AccountId is { } accountId && await accounts.FindAsync(found.MunicipalityId, accountId, ct) is { } account
                        && account.ResponsibleEmail.Length > 0)
                    {
                        outbox.Mail(db, new OutgoingMail(account.ResponsibleEmail, $"Appeal decision {found.Reference} for {account.Handle}",
                            $"A decision was made on appeal {found.Reference} about {account.Handle}.\n\n{said}\n\nReasons:\n{request.Reasons!.Trim()}\n"
                            + (action is "restore_access" or "reinstate_content" ? "\nPlease do it and confirm in Governance.\n" : "")), found.MunicipalityId);
                    }
                }

                break;

            case "confirm_restored":
                AddTimeline(found, Visibility.Public, "The account confirmed your access or content is restored. Your appeal is closed.");
                MailResident(found, "Your appeal is closed", "The account confirmed your access or content is restored.");
                break;

            case "accept":
                AddTimeline(found, Visibility.Public, "Your appeal passed the first check and is under review.");
                break;

            case "information_overdue":
                if (string.IsNullOrWhiteSpace(request.Reasons))
                {
                    Error("reasons", "Say why the case goes on without the information asked for.");
                    break;
                }

                AddTimeline(found, Visibility.Internal, $"Went on without the information asked for: {request.Reasons.Trim()}");
                AddTimeline(found, Visibility.Public, "We went on without the information we asked for.");
                break;

            case "dismiss":
                if (!DismissalReasons.Contains(request.DismissalReason ?? ""))
                {
                    Error("dismissalReason", "Choose why (R16): frivolous, vexatious, bad_faith, out_of_jurisdiction or out_of_time.");
                }

                if (string.IsNullOrWhiteSpace(request.Reasons) || request.Reasons.Length > 8000)
                {
                    Error("reasons", "Give the reasons for dismissing the complaint.");
                }

                if (errors.Count == 0)
                {
                    AddTimeline(found, Visibility.Public, $"The complaint is dismissed ({request.DismissalReason!.Replace('_', ' ')}). Reasons: {request.Reasons!.Trim()}");
                    MailResident(found, "Your complaint is dismissed", $"The Integrity Commissioner dismissed your complaint ({request.DismissalReason.Replace('_', ' ')}).\n\nReasons:\n{request.Reasons.Trim()}");
                }

                break;

            case "resolve_informally":
                if (string.IsNullOrWhiteSpace(request.Reasons) || request.Reasons.Length > 8000)
                {
                    Error("reasons", "Describe the informal resolution.");
                    break;
                }

                AddTimeline(found, Visibility.Public, $"The complaint was resolved informally: {request.Reasons.Trim()}");
                MailResident(found, "Your complaint was resolved informally", request.Reasons.Trim());
                break;

            case "investigate":
                found.Complaint!.MemberNotifiedAt = now;
                AddTimeline(found, Visibility.Public, "A formal investigation started. The member was sent the complaint and may respond.");
                await MailMemberAsync(found, $"A Code of Conduct complaint about you: {found.Reference}",
                    $"The Integrity Commissioner is investigating a complaint about you.\n\nArticles alleged: {found.Complaint.Articles}\n\n"
                    + $"What the complainant says:\n{found.Complaint.WhatHappened}\n\nPosts:\n{found.Complaint.PostLinks}\n\n"
                    + "You may respond in Governance by the due date shown on the case.", ct);
                break;

            case "submit_response":
            case "submit_comment":
            case "record_reply":
                if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 20_000)
                {
                    Error("text", "Write the text (up to 20,000 characters).");
                    break;
                }

                if (action == "submit_comment")
                {
                    (await ReportAsync(found, ct)).MemberComment = request.Text.Trim();
                }

                var who = action == "record_reply" ? "The complainant's reply" : action == "submit_response" ? "The member's response" : "The member's comment on the draft report";
                AddTimeline(found, Visibility.Parties, $"{who}: {request.Text.Trim()}");
                AddTimeline(found, Visibility.Public, $"{who} was received.");
                break;

            case "send_draft_report":
            case "issue_final_report":
                if (string.IsNullOrWhiteSpace(request.ReportText) || request.ReportText.Length > 50_000)
                {
                    Error("reportText", "Write the report (up to 50,000 characters).");
                    break;
                }

                if (action == "send_draft_report" && found.Complaint!.AllegesDiscrimination
                    && !await db.Reviews.AnyAsync(r => r.CaseId == found.Id, ct))
                {
                    Error("reportText", "Discrimination or harassment is alleged: complete the Human Rights Code review first (R8).");
                    break;
                }

                var report = await ReportAsync(found, ct);
                report.IssuedBy = actor.Name;
                if (action == "send_draft_report")
                {
                    report.DraftText = request.ReportText.Trim();
                    report.DraftSentAt = now;
                    AddTimeline(found, Visibility.Public, "The draft report was sent to the member for comment.");
                    await MailMemberAsync(found, $"Draft report for your comment: {found.Reference}",
                        "The Integrity Commissioner's draft report is ready. You may comment in Governance by the due date shown on the case.", ct);
                }
                else
                {
                    report.FinalText = request.ReportText.Trim();
                    report.RecommendedSanction = request.RecommendedSanction?.Trim();
                    report.FinalIssuedAt = now;
                    AddTimeline(found, Visibility.Public, "The final report was issued to council.");
                }

                break;

            case "record_council_decision":
                if (!CouncilDecisions.Contains(request.CouncilDecision ?? ""))
                {
                    Error("councilDecision", "Choose council's decision: none, reprimand, suspension_of_pay or remedial_measures.");
                }

                if (request.CouncilDecision == "suspension_of_pay" && request.PaySuspensionDays is not (>= 1 and <= 90))
                {
                    Error("paySuspensionDays", "A suspension of pay is from 1 to 90 days (R16).");
                }

                if (request.CouncilDecision == "remedial_measures" && string.IsNullOrWhiteSpace(request.RemedialMeasures))
                {
                    Error("remedialMeasures", "Describe the remedial measures (e.g. an apology).");
                }

                if (request.DecidedOn is null || request.DecidedOn > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)))
                {
                    Error("decidedOn", "Enter the date of council's decision.");
                }

                var final = await ReportAsync(found, ct);
                if (final.FinalText is null)
                {
                    Error("councilDecision", "The final report must be issued first.");
                }

                if (errors.Count == 0)
                {
                    final.CouncilDecision = request.CouncilDecision;
                    final.PaySuspensionDays = request.CouncilDecision == "suspension_of_pay" ? request.PaySuspensionDays : null;
                    final.RemedialMeasures = request.RemedialMeasures?.Trim();
                    final.CouncilDecidedOn = request.DecidedOn;
                    // Public once the IC has previewed and confirmed its redaction (R15, R16; PublishReport).
                    AddTimeline(found, Visibility.Public, $"Council decided: {request.CouncilDecision!.Replace('_', ' ')}. The report will be published in the public registry.");
                    MailResident(found, "Council decided on your complaint", $"Council's decision: {request.CouncilDecision.Replace('_', ' ')}. The report will be published in the public registry.");
                }

                break;
        }

        return errors;
    }

    /// <summary>The steps of the current stage the caller's roles allow, without the resident's own.</summary>
    private IReadOnlyList<string> StaffActions(WorkflowInstance instance)
        => workflows.AllowedActions(instance).Where(a => !ResidentSteps.Contains(a)).ToList();

    private static readonly string[] DismissalReasons = ["frivolous", "vexatious", "bad_faith", "out_of_jurisdiction", "out_of_time"];

    private static readonly string[] CouncilDecisions = ["none", "reprimand", "suspension_of_pay", "remedial_measures"];

    private async Task<ComplaintReport> ReportAsync(Case found, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.CaseId == found.Id, ct);
        if (report is null)
        {
            report = new ComplaintReport { CaseId = found.Id };
            db.Reports.Add(report);
        }

        return report;
    }

    private async Task MailMemberAsync(Case found, string subject, string body, CancellationToken ct)
    {
        var member = (await staff.StaffOfAsync(found.MunicipalityId, ct)).FirstOrDefault(s => s.UserId == found.Complaint!.MemberUserId);
        if (member is { Email.Length: > 0 })
        {
            outbox.Mail(db, new OutgoingMail(member.Email, subject, $"{body}\n"), found.MunicipalityId);
        }
    }

    private void MailResident(Case found, string subject, string body)
    {
        var token = protection.CreateProtector("Governance.Complaints.TrackingToken").Unprotect(found.ProtectedTrackingToken);
        var request = http.HttpContext?.Request;
        var link = $"{(request is null ? "" : PublicEndpoints.BaseUrl(request))}/track/{found.Reference}?token={token}";
        outbox.Mail(db, new OutgoingMail(found.ContactEmail, $"{subject} ({found.Reference})",
            $"{body}\n\nFollow your case here (keep this link private):\n{link}\n", Sensitive: true), found.MunicipalityId);
    }

    private Task<Case?> LoadAsync(string reference, CancellationToken ct)
        => CaseReferences.IsWellFormed(reference)
            ? db.Cases.Include(c => c.Appeal).Include(c => c.Complaint).FirstOrDefaultAsync(c => c.Reference == reference, ct)
            : Task.FromResult<Case?>(null);

    private Task<WorkflowInstance?> InstanceAsync(Case found, CancellationToken ct)
        => db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.CorrelationId == found.Reference, ct);

    private void AddTimeline(Case found, Visibility visibility, string text) => db.Timeline.Add(new TimelineEntry
    {
        Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(),
        Visibility = visibility, Text = text, By = actor.Name,
    });

    private async Task<CaseDetail> ToDetailAsync(Case found, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.CorrelationId == found.Reference, ct);
        var task = instance is null ? null : await db.Set<WorkflowBookmark>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.InstanceId == instance.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task, ct);
        DeadlineView? deadline = null;
        var dueDays = found.Kind == CaseKind.Appeal ? AppealWorkflow.DueDays : ComplaintWorkflow.DueDays;
        if (task is not null && dueDays.TryGetValue(task.Stage, out var days))
        {
            var explained = await calendar.AddBusinessDaysAsync(found.MunicipalityId, task.CreatedAt, days, ct);
            deadline = new DeadlineView(explained.Due, explained.Steps);
        }

        var appeal = found.Appeal;
        IntakeContext? intake = null;
        if (appeal is not null)
        {
            // The end of the day it happened, in the municipality's time zone.
            var zone = TimeZoneInfo.FindSystemTimeZoneById((await municipalities.FindAsync(found.MunicipalityId, ct))?.TimeZone ?? "America/Toronto");
            var endOfDay = appeal.HappenedOn.ToDateTime(new TimeOnly(23, 59, 59));
            var classification = appeal.AccountId is { } id
                ? await accounts.ClassificationOnAsync(found.MunicipalityId, id,
                    new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay)).ToUniversalTime(), ct) // PostgreSQL takes UTC only
                : null;
            var rules = await policies.HouseRulesInForceAsync(found.MunicipalityId, appeal.AccountId, appeal.HappenedOn, ct);
            var against = appeal.AccountId is { } accountId && !string.IsNullOrWhiteSpace(appeal.PlatformHandle)
                ? await accounts.ActionsAgainstAsync(found.MunicipalityId, accountId, appeal.PlatformHandle, ct)
                : [];
            var pattern = appeal.AccountId is { } a ? await accounts.BlockPatternAsync(found.MunicipalityId, a, clock.GetUtcNow(), ct) : null;
            intake = new IntakeContext(classification?.Classification, classification?.FiredCriteria ?? [],
                rules is null ? null : $"{rules.Title}, version {rules.Number} (in force from {rules.EffectiveFrom:d MMM yyyy})",
                rules?.PublicUrl, against, pattern);
        }

        var sight = SightOf(found);
        var review = sight != Sight.Full ? null : await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == found.Id, ct);
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == found.Id, ct);
        var seen = sight switch
        {
            Sight.Full => [Visibility.Public, Visibility.Parties, Visibility.Internal],
            Sight.Member => [Visibility.Public, Visibility.Parties],
            _ => new[] { Visibility.Public },
        };
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.CaseId == found.Id && seen.Contains(t.Visibility)).OrderBy(t => t.At)
            .Select(t => new StaffTimelineEntry(t.At, t.Visibility.ToString(), t.Text, t.By)).ToListAsync(ct);
        var complaint = found.Complaint is not { } c ? null : new ComplaintView(c.MemberName, c.Articles, c.PostLinks, c.WhatHappened,
            c.AllegesDiscrimination, found.ContactName,
            sight == Sight.Member ? null : found.ContactEmail, sight == Sight.Member ? null : c.Phone,
            sight == Sight.Member ? null : c.PostalAddress, c.DeclarationName, c.DeclaredAt, c.HeldUntil);
        var stored = found.Kind == CaseKind.Complaint && sight is Sight.Full or Sight.Member or Sight.Intake
            ? await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == found.Id, ct)
            : null;
        var reportView = stored is null ? null : new ReportView(
            sight == Sight.Intake || stored.DraftSentAt is null ? null : stored.DraftText, sight == Sight.Intake ? null : stored.MemberComment,
            stored.FinalText, stored.RecommendedSanction, stored.CouncilDecision, stored.PaySuspensionDays, stored.RemedialMeasures,
            stored.CouncilDecidedOn, stored.PublishedAt);
        var files = await db.Evidence.AsNoTracking().Where(e => e.CaseId == found.Id)
            .Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt)).ToListAsync(ct);
        return new CaseDetail(found.Reference, found.Kind.ToString(), found.Status.ToString(), instance?.Stage ?? "", found.SubmittedAt,
            found.AssignedToName,
            appeal is null ? null : new AppealView(appeal.AccountDescription ?? "", appeal.AccountId, appeal.PlatformHandle,
                appeal.Subject.ToString(), appeal.HappenedOn, appeal.ContentPosted, appeal.ReasonGiven,
                appeal.Grounds.Split(',', StringSplitOptions.RemoveEmptyEntries), found.ContactName, found.ContactEmail),
            complaint, reportView,
            intake,
            review is null ? null : new ReviewView(review.Assessments, review.Pattern, review.Finding, review.AdverseEffectFound, review.ReviewedBy, review.ReviewedAt),
            decision is null ? null : new DecisionView(decision.Outcome, decision.Reasons, decision.RuleRelied, decision.DecidedBy, decision.DecidedAt),
            deadline, instance is null || sight == Sight.Intake && instance.Stage != "council_decision" ? [] : StaffActions(instance)
                .Where(a => sight != Sight.Member || a is "submit_response" or "submit_comment").ToList(),
            timeline, sight == Sight.Full ? files : []);
    }
}
