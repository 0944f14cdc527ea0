using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Contracts;
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

internal sealed record DeadlineView(DateTimeOffset Due, IReadOnlyList<string> Steps);

internal sealed record AppealView(string Account, Guid? AccountId, string? PlatformHandle, string Subject, DateOnly HappenedOn,
    string? ContentPosted, string? ReasonGiven, IReadOnlyList<string> Grounds, string ContactName, string ContactEmail);

/// <summary>What intake screening needs to see (DESIGN.md section 4): the account then, the rules then, the actions taken.</summary>
internal sealed record IntakeContext(string? ClassificationOnDate, IReadOnlyList<string> FiredCriteria, string? HouseRulesInForce,
    string? HouseRulesUrl, IReadOnlyList<ModerationRecord> ActionsAgainst, BlockPattern? Pattern);

internal sealed record ReviewView(string Assessments, string Pattern, string Finding, bool AdverseEffectFound, string ReviewedBy,
    DateTimeOffset ReviewedAt);

internal sealed record DecisionView(string Outcome, string Reasons, string RuleRelied, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A complaint as the viewer may see it: the member never gets the complainant's contact details (R15).</summary>
internal sealed record ComplaintView(string Member, string Articles, string PostLinks, string WhatHappened, bool AllegesDiscrimination,
    string ComplainantName, string? ComplainantEmail, string? ComplainantPhone, string? ComplainantAddress, string DeclarationName,
    DateTimeOffset DeclaredAt, DateOnly? HeldUntil);

internal sealed record ReportView(string? Draft, string? MemberComment, string? Final, string? RecommendedSanction,
    string? CouncilDecision, int? PaySuspensionDays, string? RemedialMeasures, DateOnly? CouncilDecidedOn, DateTimeOffset? PublishedAt);

internal sealed record CaseDetail(string Reference, string Kind, string Status, string Stage, DateTimeOffset SubmittedAt,
    string? AssignedTo, AppealView? Appeal, ComplaintView? Complaint, ReportView? Report, IntakeContext? Intake, ReviewView? Review,
    DecisionView? Decision,
    DeadlineView? Deadline, IReadOnlyList<string> AllowedActions, IReadOnlyList<StaffTimelineEntry> Timeline,
    IReadOnlyList<EvidenceView> Evidence);

internal sealed record GroundAssessment(string Ground, string Assessment);

/// <summary>
/// The body of a workflow action. Each action uses the fields it needs; every field is checked against its limit
/// whatever the action, so nothing oversize is ever accepted.
/// </summary>
internal sealed class CaseActionRequest
{
    /// <summary>An internal note recorded with the step.</summary>
    [MaxLength(4000, ErrorMessage = "Keep the note under 4,000 characters.")]
    public string? Note { get; init; }

    /// <summary>For request_information and closing: what the resident is told.</summary>
    [MaxLength(4000, ErrorMessage = "Keep the message under 4,000 characters.")]
    public string? MessageToResident { get; init; }

    /// <summary>For complete_review (R8): each ground raised and its assessment.</summary>
    [MaxLength(20, ErrorMessage = "Assess at most 20 grounds.")]
    public List<GroundAssessment> Assessments { get; init; } = [];

    [MaxLength(4000, ErrorMessage = "Keep this under 4,000 characters.")]
    public string? Pattern { get; init; }

    [MaxLength(4000, ErrorMessage = "Keep the finding under 4,000 characters.")]
    public string? Finding { get; init; }

    public bool AdverseEffectFound { get; init; }

    /// <summary>For a decision: the reasons, in plain words.</summary>
    [MaxLength(8000, ErrorMessage = "Keep the reasons under 8,000 characters.")]
    public string? Reasons { get; init; }

    /// <summary>For a decision (R4): the code of the house rule relied on.</summary>
    [MaxLength(60, ErrorMessage = "Name a house rule by its code.")]
    [SingleLine]
    public string? RuleRelied { get; init; }

    /// <summary>The member's response or comment, or the complainant's reply.</summary>
    [MaxLength(20000, ErrorMessage = "Keep the text under 20,000 characters.")]
    public string? Text { get; init; }

    /// <summary>For send_draft_report and issue_final_report.</summary>
    [MaxLength(50000, ErrorMessage = "Keep the report under 50,000 characters.")]
    public string? ReportText { get; init; }

    [MaxLength(2000, ErrorMessage = "Keep the recommended sanction under 2,000 characters.")]
    public string? RecommendedSanction { get; init; }

    /// <summary>For dismiss (R16): frivolous, vexatious, bad_faith, out_of_jurisdiction or out_of_time.</summary>
    [MaxLength(40, ErrorMessage = "Choose a reason from the list.")]
    [SingleLine]
    public string? DismissalReason { get; init; }

    /// <summary>For record_council_decision (R16): none, reprimand, suspension_of_pay or remedial_measures.</summary>
    [MaxLength(40, ErrorMessage = "Choose a decision from the list.")]
    [SingleLine]
    public string? CouncilDecision { get; init; }

    public int? PaySuspensionDays { get; init; }

    [MaxLength(4000, ErrorMessage = "Keep the remedial measures under 4,000 characters.")]
    public string? RemedialMeasures { get; init; }

    public DateOnly? DecidedOn { get; init; }
}
