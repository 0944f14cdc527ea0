using Governance.SharedKernel;

namespace Governance.Complaints.Domain;

internal enum CaseKind
{
    /// <summary>A resident's appeal of a block or a removed post or comment (R9).</summary>
    Appeal = 1,

    /// <summary>A Code of Conduct complaint about a member's post (R10, R16).</summary>
    Complaint = 2,
}

internal enum CaseStatus
{
    Open = 1,
    /// <summary>Held or suspended, e.g. during the election blackout (R12).</summary>
    OnHold = 2,
    Closed = 3,
    Withdrawn = 4,
    /// <summary>Ended by the election period (R12); may be restarted on a request within six weeks after voting day.</summary>
    Terminated = 5,
    /// <summary>A complaint created from an escalated appeal, waiting for the resident to complete and sign it (R9, R16).</summary>
    AwaitingSignature = 6,
}

/// <summary>A case: what the resident filed, where it stands, and how they follow it.</summary>
internal sealed class Case : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    /// <summary>APL-2026-000123 or COC-2026-000045.</summary>
    public string Reference { get; set; } = "";

    public CaseKind Kind { get; set; }

    public CaseStatus Status { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>SHA-256 of the private tracking token; the token itself is only in the resident's link.</summary>
    public string TrackingTokenHash { get; set; } = "";

    /// <summary>The token, encrypted, so a repeated submission can show the same link again.</summary>
    public string ProtectedTrackingToken { get; set; } = "";

    /// <summary>The form's one-time id: a double submit finds this case instead of making another.</summary>
    public Guid? SubmissionId { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    /// <summary>The staff member working the case, if someone took it.</summary>
    public Guid? AssignedToUserId { get; set; }

    public string? AssignedToName { get; set; }

    /// <summary>R12: when the election period ended the inquiry, and the last day to ask for a restart.</summary>
    public DateTimeOffset? TerminatedAt { get; set; }

    public DateOnly? RestartBy { get; set; }

    /// <summary>R12: the written request to restart (the complainant or the member), kept until the window is over.</summary>
    public DateTimeOffset? RestartRequestedAt { get; set; }

    public string? RestartRequestedBy { get; set; }

    public AppealDetails? Appeal { get; set; }

    public ComplaintDetails? Complaint { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];

    public List<CaseEvidence> Evidence { get; set; } = [];
}

internal enum AppealSubject
{
    Blocked = 1,
    PostDeleted = 2,
    CommentHidden = 3,
}

/// <summary>What an appellant tells us (R8, R9).</summary>
internal sealed class AppealDetails
{
    public Guid CaseId { get; set; }

    /// <summary>The account in the registry, when the appellant found it there.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The account as the appellant described it, when not found in the registry.</summary>
    public string? AccountDescription { get; set; }

    /// <summary>The appellant's own handle on that platform, to find the moderation actions taken against them.</summary>
    public string? PlatformHandle { get; set; }

    public AppealSubject Subject { get; set; }

    public DateOnly HappenedOn { get; set; }

    public string? ContentPosted { get; set; }

    public string? ReasonGiven { get; set; }

    /// <summary>Human Rights Code grounds the appellant believes are involved (R8), comma-separated codes.</summary>
    public string Grounds { get; set; } = "";

    public DateTimeOffset ConsentedAt { get; set; }

    /// <summary>R9: who runs the account, as intake identified it; decides who decides.</summary>
    public AccountOwnerKind OwnerKind { get; set; }

    public Guid? OwnerUserId { get; set; }

    public string? OwnerName { get; set; }

    /// <summary>The moderation action appealed, when it is on record, and who took it (they may not decide).</summary>
    public Guid? ActionId { get; set; }

    public Guid? ActedByUserId { get; set; }

    /// <summary>When intake sent the appeal to the owner.</summary>
    public DateTimeOffset? RoutedAt { get; set; }

    /// <summary>The resident escalated once (R9): where, when and why, and the complaint it became.</summary>
    public EscalationRoute? EscalatedTo { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public string? EscalationReason { get; set; }

    public string? LinkedComplaintReference { get; set; }

    /// <summary>The last day the resident may escalate an upheld appeal.</summary>
    public DateOnly? EscalateBy { get; set; }

    public AppealOwner Owner => new(OwnerKind, OwnerUserId, ActedByUserId);
}

/// <summary>What a Code of Conduct complainant tells us (R10, R16). Never shown to the member: the contact details.</summary>
internal sealed class ComplaintDetails
{
    public Guid CaseId { get; set; }

    /// <summary>The member complained about (their staff account); none for a local board member without one.</summary>
    public Guid? MemberUserId { get; set; }

    /// <summary>R16: the local board the member sits on; null for a member of council.</summary>
    public string? LocalBoard { get; set; }

    public ComplainantKind ComplainantKind { get; set; } = ComplainantKind.Resident;

    /// <summary>R16: when the conduct happened and when the complainant became aware of it (the time limit runs from then).</summary>
    public DateOnly? ConductOn { get; set; }

    public DateOnly? AwareOn { get; set; }

    /// <summary>Filed after the protocol's time limit; the IC accepts it only with <see cref="LateReason"/>.</summary>
    public bool FiledLate { get; set; }

    public string? LateReason { get; set; }

    public DeclarationKind DeclarationKind { get; set; } = DeclarationKind.Typed;

    /// <summary>A sworn or affirmed declaration: who commissioned it and when.</summary>
    public string? CommissionedBy { get; set; }

    public DateOnly? CommissionedOn { get; set; }

    /// <summary>R16: the IC withheld the complainant's name from the member, for this reason.</summary>
    public string? NameWithheldReason { get; set; }

    /// <summary>R16: the coded outcome of intake or assessment.</summary>
    public IntakeDisposition? Disposition { get; set; }

    /// <summary>A duplicate's lead case, answered together with it.</summary>
    public string? LeadReference { get; set; }

    /// <summary>R16: the complainant asked to withdraw; the IC decides whether to go on in the public interest.</summary>
    public DateTimeOffset? WithdrawalRequestedAt { get; set; }

    public string? WithdrawalReason { get; set; }

    /// <summary>The appeal this complaint was escalated from (R9).</summary>
    public string? FromAppealReference { get; set; }

    public string MemberName { get; set; } = "";

    /// <summary>Links to the posts, one per line.</summary>
    public string PostLinks { get; set; } = "";

    /// <summary>The articles alleged, as "number title" separated by "; ", as they were when filed.</summary>
    public string Articles { get; set; } = "";

    public string WhatHappened { get; set; } = "";

    public string? Phone { get; set; }

    public string? PostalAddress { get; set; }

    /// <summary>R16: the complainant's typed name under the declaration.</summary>
    public string DeclarationName { get; set; } = "";

    public DateTimeOffset DeclaredAt { get; set; }

    /// <summary>Discrimination or harassment is alleged: the Human Rights Code review applies.</summary>
    public bool AllegesDiscrimination { get; set; }

    /// <summary>R12, hold protocol: received or paused in the election period, held until the day after it ends.</summary>
    public DateOnly? HeldUntil { get; set; }

    /// <summary>When the member was sent the complaint; from then on they see it (without contact details, R15).</summary>
    public DateTimeOffset? MemberNotifiedAt { get; set; }
}

/// <summary>The Integrity Commissioner's report: a draft for the member's comment, then the final one (R16).</summary>
internal sealed class ComplaintReport
{
    public Guid CaseId { get; set; }

    public string DraftText { get; set; } = "";

    public DateTimeOffset? DraftSentAt { get; set; }

    public string? MemberComment { get; set; }

    /// <summary>The member's response as written, and as shared with the complainant (the IC may redact passages first).</summary>
    public string? MemberResponse { get; set; }

    public string? SharedResponse { get; set; }

    public string? ResponseRedactionReason { get; set; }

    /// <summary>The IC's finding: a breach of the Code, or none. The protocol may name the member only on a breach.</summary>
    public bool? BreachFound { get; set; }

    /// <summary>Whether the published report names the member (decided when it is issued).</summary>
    public bool MemberNamed { get; set; } = true;

    public string? FinalText { get; set; }

    public string? RecommendedSanction { get; set; }

    public DateTimeOffset? FinalIssuedAt { get; set; }

    public string IssuedBy { get; set; } = "";

    /// <summary>Council's decision (R16) in plain words, as recorded; null until council decides.</summary>
    public string? CouncilDecision { get; set; }

    public bool Reprimand { get; set; }

    public int? PaySuspensionDays { get; set; }

    /// <summary>The remedial measures' codes, comma-separated (<see cref="RemedialMeasure"/>).</summary>
    public string? Measures { get; set; }

    /// <summary>What the measures are, in council's words (e.g. the committee, the apology's form).</summary>
    public string? RemedialMeasures { get; set; }

    /// <summary>The council meeting that decided, and its resolution number.</summary>
    public DateOnly? CouncilDecidedOn { get; set; }

    public string? ResolutionNumber { get; set; }

    /// <summary>Published in the public registry, as the Integrity Commissioner previewed and confirmed it (R15, R16).</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The passages the Integrity Commissioner marked for redaction, as a JSON array of strings.</summary>
    public string? RedactionMarks { get; set; }

    /// <summary>The hash of the confirmed preview; the registry shows a report only while it still matches.</summary>
    public string? PublishedHash { get; set; }

    public string? PublishedBy { get; set; }
}

internal enum Visibility
{
    /// <summary>Shown on the resident's tracking page.</summary>
    Public = 1,
    /// <summary>Shared with the parties (resident, account owner or member) but not public.</summary>
    Parties = 2,
    /// <summary>Staff of the case only.</summary>
    Internal = 3,
}

/// <summary>One event of a case, in order.</summary>
internal sealed class TimelineEntry : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid MunicipalityId { get; set; }

    public DateTimeOffset At { get; set; }

    public Visibility Visibility { get; set; }

    public string Text { get; set; } = "";

    public string By { get; set; } = "";
}

/// <summary>A file the resident or staff attached (R6 storage: by SHA-256, never altered).</summary>
internal sealed class CaseEvidence : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid MunicipalityId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}

/// <summary>R8: the Human Rights Code impact review of an appeal.</summary>
internal sealed class HumanRightsReview
{
    public Guid CaseId { get; set; }

    /// <summary>Each ground raised and the reviewer's assessment of it, as "code: assessment" lines.</summary>
    public string Assessments { get; set; } = "";

    /// <summary>What the account's other blocks and removals show.</summary>
    public string Pattern { get; set; } = "";

    public string Finding { get; set; } = "";

    public bool AdverseEffectFound { get; set; }

    public string ReviewedBy { get; set; } = "";

    public DateTimeOffset ReviewedAt { get; set; }
}

/// <summary>The decision on an appeal (R9), with the rule relied on (R4).</summary>
internal sealed class AppealDecision
{
    public Guid CaseId { get; set; }

    /// <summary>Upheld, AccessRestored or ContentReinstated (before version 2: uphold, restore_access, ...).</summary>
    public string Outcome { get; set; } = "";

    public string Reasons { get; set; } = "";

    /// <summary>The house rule (code) an upheld action relied on; empty for a restore.</summary>
    public string RuleRelied { get; set; } = "";

    /// <summary>R8: the owner's answer to each Human Rights Code ground raised, as "code: answer" lines.</summary>
    public string? GroundAnswers { get; set; }

    /// <summary>When the owner confirmed the access or content was restored.</summary>
    public DateTimeOffset? RestoredAt { get; set; }

    /// <summary>The municipal reviewer's answer to an escalated corporate appeal (R9).</summary>
    public string? ReviewOutcome { get; set; }

    public string? ReviewReasons { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string DecidedBy { get; set; } = "";

    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>The last reference number used per kind and year.</summary>
internal sealed class ReferenceCounter
{
    public string Prefix { get; set; } = "";

    public int Year { get; set; }

    public int Last { get; set; }
}
