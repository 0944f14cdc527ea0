using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Contracts;
using Governance.Complaints.Domain;
using Governance.Platform.Web;

namespace Governance.Complaints.Features.Staff;

internal sealed record CaseSummary(string Reference, string Kind, string Status, string Stage, DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt, string? AssignedTo, bool Overdue);

/// <summary>What a case list asks for; <see cref="Page"/> counts from 1.</summary>
internal sealed record CaseQuery(string? Type = null, string? Stage = null, string? Assignee = null, bool? Overdue = null,
    string? Status = null, string? Reference = null, DateTimeOffset? DueBefore = null, int Page = 1, int PageSize = CaseQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    /// <summary>A reference or a part of one: letters, digits and dashes, like APL-2026-000123.</summary>
    public static bool IsReferenceSearch(string? text) => text is null
        || (text.Trim().Length <= 20 && text.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    /// <summary>The status filter for cases still being worked: open or on hold.</summary>
    public const string OpenStatuses = "active";
}

internal sealed record CasePage(IReadOnlyList<CaseSummary> Cases, int Page, int PageSize, bool HasMore);

internal sealed record StaffTimelineEntry(DateTimeOffset At, string Visibility, string Text, string By);

internal sealed record EvidenceView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>A task's due date as stored when the stage began, with how it was computed and any later move (R14).</summary>
internal sealed record DeadlineView(DateTimeOffset Due, IReadOnlyList<string> Steps);

/// <summary>An appeal as the viewer may see it: nobody on staff sees the resident's e-mail (R15; replies go through the case).</summary>
internal sealed record AppealView(string Account, Guid? AccountId, string? PlatformHandle, string Subject, DateOnly HappenedOn,
    string? ContentPosted, string? ReasonGiven, IReadOnlyList<string> Grounds, string ContactName, string OwnerKind, string? OwnerName,
    DateTimeOffset? RoutedAt, DateOnly? EscalateBy, string? EscalatedTo, string? EscalationReason, string? LinkedComplaint);

/// <summary>What intake screening needs to see (DESIGN.md section 4): the account then, the rules then, the actions taken.</summary>
internal sealed record IntakeContext(string? ClassificationOnDate, IReadOnlyList<string> FiredCriteria, string? HouseRulesInForce,
    string? HouseRulesUrl, IReadOnlyList<ModerationRecord> ActionsAgainst, BlockPattern? Pattern);

internal sealed record ReviewView(string Assessments, string Pattern, string Finding, bool AdverseEffectFound, string ReviewedBy,
    DateTimeOffset ReviewedAt);

internal sealed record DecisionView(string Outcome, string Reasons, string RuleRelied, string? GroundAnswers, string DecidedBy,
    DateTimeOffset DecidedAt, DateTimeOffset? RestoredAt, string? ReviewOutcome, string? ReviewReasons, string? ReviewedBy);

/// <summary>
/// A complaint as the viewer may see it (R15, R16): the member never gets the complainant's contact details, nor their
/// name when the IC withheld it; the clerk sees only what council needs.
/// </summary>
internal sealed record ComplaintView(string Member, string? LocalBoard, string Articles, string? PostLinks, string? WhatHappened,
    bool AllegesDiscrimination, string? ComplainantName, string? ComplainantKind, string? ComplainantEmail, string? ComplainantPhone,
    string? ComplainantAddress, DateOnly? ConductOn, DateOnly? AwareOn, bool FiledLate, string? LateReason, string? Declaration,
    string? DeclarationName, DateTimeOffset? DeclaredAt, string? CommissionedBy, DateOnly? CommissionedOn, bool NameWithheld,
    string? NameWithheldReason, string? Disposition, string? LeadReference, DateTimeOffset? WithdrawalRequestedAt, string? WithdrawalReason,
    string? FromAppeal, DateOnly? HeldUntil);

internal sealed record ReportView(string? Draft, string? MemberResponse, string? SharedResponse, string? MemberComment, string? Final,
    bool? BreachFound, string? RecommendedSanction, string? CouncilDecision, bool Reprimand, int? PaySuspensionDays,
    IReadOnlyList<string> Measures, string? RemedialMeasures, DateOnly? CouncilDecidedOn, string? ResolutionNumber, DateTimeOffset? IssuedAt,
    DateTimeOffset? PublishedAt);

/// <summary>One step the viewer may take now, with its form fields (the API lists them so a client can draw the form).</summary>
internal sealed record ActionView(string Action, string Label, IReadOnlyList<FieldView> Fields);

internal sealed record FieldView(string Name, string Label, string Kind, bool Required, int? MaxLength, string? Hint,
    IReadOnlyList<OptionView>? Options);

internal sealed record OptionView(string Value, string Label);

/// <summary>R12: where the election period left a file: when it ended, the last day to ask for a restart, a request made.</summary>
internal sealed record ElectionView(DateTimeOffset? TerminatedAt, DateOnly? RestartBy, DateTimeOffset? RestartRequestedAt, string? Notice);

internal sealed record CaseDetail(string Reference, string Kind, string Status, string Stage, string StageName, string Sight,
    DateTimeOffset SubmittedAt, string? AssignedTo, AppealView? Appeal, ComplaintView? Complaint, ReportView? Report, IntakeContext? Intake,
    ReviewView? Review, DecisionView? Decision, DeadlineView? Deadline, ElectionView? Election, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<StaffTimelineEntry> Timeline, IReadOnlyList<EvidenceView> Evidence);

internal sealed record GroundAssessment(string Ground, string Assessment);

/// <summary>
/// The body of a workflow action (<c>POST /api/cases/{reference}/actions/{action}</c>). Each action uses the fields it
/// needs (<c>GET /api/cases/{reference}/actions</c> lists them per action); every field is checked against its limit
/// whatever the action, so nothing oversize is ever accepted.
/// </summary>
internal sealed class CaseActionRequest
{
    /// <summary>An internal note recorded with the step (the case team only).</summary>
    [MaxLength(4000, ErrorMessage = "Keep the note under 4,000 characters.")]
    public string? Note { get; init; }

    /// <summary>request_information, close_out_of_scope: what the resident is told.</summary>
    [MaxLength(4000, ErrorMessage = "Keep the message under 4,000 characters.")]
    public string? MessageToResident { get; init; }

    /// <summary>route_to_owner (R9): the registered account appealed, when the resident only described it.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>route_to_owner: the moderation action appealed, when it is on record (its author may not decide).</summary>
    public Guid? ActionId { get; init; }

    /// <summary>An appeal decision (R8): the answer to each Human Rights Code ground raised; complete_review (version 1).</summary>
    [MaxLength(20, ErrorMessage = "Answer at most 20 grounds.")]
    public List<GroundAssessment> Assessments { get; init; } = [];

    [MaxLength(4000, ErrorMessage = "Keep this under 4,000 characters.")]
    public string? Pattern { get; init; }

    /// <summary>complete_review: the Human Rights Code review's finding.</summary>
    [MaxLength(4000, ErrorMessage = "Keep the finding under 4,000 characters.")]
    public string? Finding { get; init; }

    public bool AdverseEffectFound { get; init; }

    /// <summary>Decisions and dispositions: the reasons, in plain words (the parties read them).</summary>
    [MaxLength(8000, ErrorMessage = "Keep the reasons under 8,000 characters.")]
    public string? Reasons { get; init; }

    /// <summary>uphold (R4, R9): the code of the rule relied on, from the house rules in force on the day of the action.</summary>
    [MaxLength(60, ErrorMessage = "Name a house rule by its code.")]
    [SingleLine]
    public string? RuleRelied { get; init; }

    /// <summary>record_review (R9): the municipal reviewer's outcome.</summary>
    public ReviewOutcome? ReviewOutcome { get; init; }

    /// <summary>The member's response or comment, or the complainant's reply.</summary>
    [MaxLength(20000, ErrorMessage = "Keep the text under 20,000 characters.")]
    public string? Text { get; init; }

    /// <summary>accept_for_assessment (R16): why a complaint filed after the time limit is accepted.</summary>
    [MaxLength(4000, ErrorMessage = "Keep the reason under 4,000 characters.")]
    public string? LateReason { get; init; }

    /// <summary>accept_for_assessment, where the protocol requires a sworn declaration: who commissioned it and when.</summary>
    [MaxLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    [SingleLine]
    public string? CommissionedBy { get; init; }

    public DateOnly? CommissionedOn { get; init; }

    /// <summary>dispose (R16): the coded disposition.</summary>
    public IntakeDisposition? Disposition { get; init; }

    /// <summary>dispose as a duplicate: the lead case's reference.</summary>
    [MaxLength(20, ErrorMessage = "Give the lead case's reference, like COC-2026-000012.")]
    [SingleLine]
    public string? LeadReference { get; init; }

    /// <summary>investigate (R16): withhold the complainant's name from the member, with the reason.</summary>
    public bool WithholdName { get; init; }

    [MaxLength(2000, ErrorMessage = "Keep the reason under 2,000 characters.")]
    public string? WithholdReason { get; init; }

    /// <summary>share_response and issue_final_report: the passages to redact, each replaced by [redacted].</summary>
    [MaxLength(100, ErrorMessage = "Mark at most 100 passages.")]
    public List<string> Marks { get; init; } = [];

    /// <summary>share_response: why passages were redacted before the complainant sees the response.</summary>
    [MaxLength(2000, ErrorMessage = "Keep the reason under 2,000 characters.")]
    public string? RedactionReason { get; init; }

    /// <summary>issue_final_report: the hash of the publication preview the Integrity Commissioner confirms.</summary>
    [MaxLength(64, ErrorMessage = "Preview the publication first, then confirm that preview.")]
    [SingleLine]
    public string? PreviewHash { get; init; }

    /// <summary>issue_final_report: the flagged passages were checked and may be published.</summary>
    public bool AcknowledgeWarnings { get; init; }

    /// <summary>send_draft_report and prepare_final_report.</summary>
    [MaxLength(50000, ErrorMessage = "Keep the report under 50,000 characters.")]
    public string? ReportText { get; init; }

    [MaxLength(2000, ErrorMessage = "Keep the recommended sanction under 2,000 characters.")]
    public string? RecommendedSanction { get; init; }

    /// <summary>prepare_final_report: whether the member breached the Code.</summary>
    public bool? BreachFound { get; init; }

    /// <summary>record_council_decision (R16): a reprimand.</summary>
    public bool Reprimand { get; init; }

    /// <summary>record_council_decision: days of pay suspended, 1 to 90.</summary>
    [Range(1, 90, ErrorMessage = "A suspension of pay is from 1 to 90 days.")]
    public int? PaySuspensionDays { get; init; }

    /// <summary>record_council_decision: remedial measures adopted.</summary>
    [MaxLength(5, ErrorMessage = "Choose at most the five kinds of measure.")]
    public List<RemedialMeasure> Measures { get; init; } = [];

    /// <summary>record_council_decision: the measures in council's words (required for "Other").</summary>
    [MaxLength(4000, ErrorMessage = "Keep the remedial measures under 4,000 characters.")]
    public string? RemedialMeasures { get; init; }

    /// <summary>record_council_decision: council imposed nothing.</summary>
    public bool NoAction { get; init; }

    /// <summary>record_council_decision and defer_council_decision: the meeting date.</summary>
    public DateOnly? DecidedOn { get; init; }

    [MaxLength(60, ErrorMessage = "Keep the resolution number under 60 characters.")]
    [SingleLine]
    public string? ResolutionNumber { get; init; }

    /// <summary>dismiss, on cases started before version 2 of the complaint workflow.</summary>
    [MaxLength(40, ErrorMessage = "Choose a reason from the list.")]
    [SingleLine]
    public string? DismissalReason { get; init; }

    private static readonly CaseActionRequest Empty = new();

    /// <summary>The fields this request sets (not left at their defaults), by their API names.</summary>
    public IEnumerable<string> GivenFields()
    {
        foreach (var property in typeof(CaseActionRequest).GetProperties())
        {
            var value = property.GetValue(this);
            var given = value is System.Collections.ICollection list ? list.Count > 0 : !Equals(value, property.GetValue(Empty));
            if (given)
            {
                yield return System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            }
        }
    }
}

/// <summary>The municipal reviewer's answer to an escalated appeal about a corporate account (R9).</summary>
internal enum ReviewOutcome
{
    /// <summary>The decision stands.</summary>
    Confirmed = 1,

    /// <summary>The decision is changed: access or content is restored.</summary>
    Changed = 2,
}
