using Governance.SharedKernel;

namespace Governance.Accounts.Domain;

internal enum ModerationKind
{
    Hide = 1,
    /// <summary>The content is kept as a record (R15).</summary>
    Delete = 2,
    DisableComments = 3,
    Block = 4,
    Unblock = 5,
    ReportToPlatform = 6,
    EscalateToPolice = 7,
    EscalateToIntegrityCommissioner = 8,
}

/// <summary>One moderation action, logged with the content as posted and the rule relied on (R3-R7).</summary>
internal sealed class ModerationAction : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid AccountId { get; set; }

    public ModerationKind Kind { get; set; }

    public string TargetHandle { get; set; } = "";

    public string? TargetProfileUrl { get; set; }

    public string? PostUrl { get; set; }

    /// <summary>The content exactly as posted; kept even when deleted on the platform.</summary>
    public string ContentAsPosted { get; set; } = "";

    /// <summary>When it happened on the platform.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>The catalogue rule relied on; null only for <see cref="ModerationRules.Disagreement"/>.</summary>
    public Guid? RuleId { get; set; }

    /// <summary>The rule's code and title as they were when the action was taken.</summary>
    public string RuleCode { get; set; } = "";

    public string RuleTitle { get; set; } = "";

    public bool CredibleThreat { get; set; }

    public string? Justification { get; set; }

    /// <summary>Comma-separated risk flags (R4 viewpoint, R5 block without graduation); appeals read them.</summary>
    public string RiskFlags { get; set; } = "";

    public string? Notes { get; set; }

    /// <summary>The submitting form's one-time id: the same form sent twice records one action.</summary>
    public Guid? RequestId { get; set; }

    public List<EvidenceFile> Evidence { get; set; } = [];

    public bool IsViolation => RuleId is not null && Kind is ModerationKind.Hide or ModerationKind.Delete or ModerationKind.Block;
}

/// <summary>R6 evidence: stored once, by content hash, never altered.</summary>
internal sealed class EvidenceFile : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid ModerationActionId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    /// <summary>When the screenshot was taken.</summary>
    public DateTimeOffset CapturedAt { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}

/// <summary>An entry of the block register: who is blocked on which account, until when, and when to review.</summary>
internal sealed class Block : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid AccountId { get; set; }

    public string TargetHandle { get; set; } = "";

    public Guid BlockActionId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public Guid? EndedByActionId { get; set; }
}

/// <summary>
/// A review reminder sent for a block's review (or end) date. Its key, the block and the date, is written in the same
/// transaction as the e-mail, so a second run of the job, on this host or another, sends nothing.
/// </summary>
internal sealed class BlockReminder : IMunicipalityOwned
{
    public Guid BlockId { get; set; }

    public DateOnly DueOn { get; set; }

    public Guid MunicipalityId { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
