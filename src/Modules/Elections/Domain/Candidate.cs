using Governance.SharedKernel;

namespace Governance.Elections.Domain;

/// <summary>A member of council running in an election, with the nomination filing dates the clerk tracks.</summary>
internal sealed class Candidate : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid ElectionId { get; set; }

    /// <summary>The member's staff account (role Member): where reminders and tasks go.</summary>
    public Guid MemberUserId { get; set; }

    public string MemberName { get; set; } = "";

    public string MemberEmail { get; set; } = "";

    /// <summary>The office sought, e.g. "Councillor, Ward 3".</summary>
    public string Office { get; set; } = "";

    /// <summary>When the member plans to file nomination papers: reminders count down to it.</summary>
    public DateOnly? IntendedFilingDate { get; set; }

    /// <summary>When the clerk received the nomination papers.</summary>
    public DateOnly? ActualFilingDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CampaignPlan> Plans { get; set; } = [];

    /// <summary>
    /// R11: a converted account must be scrubbed before the nomination papers are filed: by the actual filing
    /// date once known, else the planned one, else nomination day (the last day papers can be filed).
    /// </summary>
    public DateOnly ChecklistDueOn(Election election) => ActualFilingDate ?? IntendedFilingDate ?? election.NominationDay;
}

internal enum CampaignChoice
{
    /// <summary>The safest course (Toronto 12): a separate account that uses no City resources.</summary>
    SeparateCampaignAccount = 1,

    /// <summary>The City-resourced account itself is used for the campaign, after the R11 scrubbing steps.</summary>
    Conversion = 2,

    /// <summary>The account is not used for campaigning at all.</summary>
    NotUsed = 3,
}

/// <summary>What a candidate will do with one of their registered accounts during the campaign.</summary>
internal sealed class CampaignPlan : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid CandidateId { get; set; }

    /// <summary>The member's account in the Accounts registry.</summary>
    public Guid AccountId { get; set; }

    /// <summary>"Platform @handle", kept for lists and exports.</summary>
    public string AccountLabel { get; set; } = "";

    public CampaignChoice Choice { get; set; }

    /// <summary>The separate campaign account, registered in Accounts as not official.</summary>
    public Guid? CampaignAccountId { get; set; }

    public string? CampaignAccountLabel { get; set; }

    /// <summary>When a converted account went back to official use, after the campaign period.</summary>
    public DateTimeOffset? RestoredAt { get; set; }

    public string? RestoredBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ChecklistItem> Items { get; set; } = [];

    public List<Recheck> Rechecks { get; set; } = [];
}

/// <summary>One R11 scrubbing step for a converted account: done with evidence, then verified by the clerk.</summary>
internal sealed class ChecklistItem : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid PlanId { get; set; }

    /// <summary>A code of <see cref="ScrubbingChecklist"/>, e.g. "c.i".</summary>
    public string Code { get; set; } = "";

    public int Order { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    public string? Note { get; set; }

    public string? EvidenceUrl { get; set; }

    public string? EvidenceFileName { get; set; }

    public string? EvidenceContentType { get; set; }

    public string? EvidenceSha256 { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public string? VerifiedBy { get; set; }

    public bool Done => CompletedAt is not null;

    public bool Verified => VerifiedAt is not null;
}

/// <summary>A clerk's re-check of a converted account during the campaign period (R11 holds until Dec 31).</summary>
internal sealed class Recheck : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid PlanId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public bool Compliant { get; set; }

    public string Note { get; set; } = "";
}

internal enum MemberTaskKind
{
    Reminder = 1,
    Overdue = 2,
}

/// <summary>
/// An entry in a member's task list, written with its e-mail by the reminder job. Its key is unique per
/// candidate, so a reminder exists once however often the job runs, on however many hosts.
/// </summary>
internal sealed class MemberTask : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid CandidateId { get; set; }

    public string Key { get; set; } = "";

    public MemberTaskKind Kind { get; set; }

    public DateOnly DueOn { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}
