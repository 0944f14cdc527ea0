namespace Governance.Accounts.Contracts;

public sealed record MunicipalityInfo(Guid Id, string Name, string Slug, string TimeZone);

/// <summary>Municipalities of this installation, for other modules. Not filtered by the caller's scope.</summary>
public interface IMunicipalityDirectory
{
    Task<MunicipalityInfo?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<MunicipalityInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<MunicipalityInfo>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A registered social media account, as other modules see it.</summary>
public sealed record AccountSummary(Guid Id, Guid MunicipalityId, string Platform, string Handle, string OwnerType,
    string OwnerName, string Classification, string ResponsibleEmail, Guid? OwnerUserId);

/// <summary>How an account was classified on a date (R1), with the criteria that fired.</summary>
public sealed record AccountClassificationInfo(Guid AccountId, DateTimeOffset Since, string Classification,
    IReadOnlyList<string> FiredCriteria);

/// <summary>A moderation action as an appeal review sees it (R3-R6), with who took it (R9: they may not decide an appeal of it).</summary>
public sealed record ModerationRecord(Guid ActionId, string Kind, DateTimeOffset OccurredAt, string RuleCode, string RuleTitle,
    string ContentAsPosted, IReadOnlyList<string> RiskFlags, int EvidenceFiles, Guid? ActorUserId, string ActorName);

/// <summary>R8: what an account's blocks show, for the Human Rights Code review's pattern question.</summary>
public sealed record BlockPattern(int Blocks, int ActiveBlocks, int BlocksLast12Months, int FlaggedActions);

/// <summary>A moderation action that cited a given rule, for the clerk (e.g. candidate posting during nominations).</summary>
public sealed record CitedAction(Guid ActionId, Guid AccountId, string AccountHandle, string Kind, string TargetHandle,
    DateTimeOffset OccurredAt, string ActorName, string? PostUrl);

/// <summary>The account registry, for Policies (account house rules) and Complaints (appeal intake).</summary>
public interface IAccountRegistry
{
    Task<AccountSummary?> FindAsync(Guid municipalityId, Guid accountId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountSummary>> ListAsync(Guid municipalityId, CancellationToken cancellationToken);

    Task<AccountClassificationInfo?> ClassificationOnAsync(Guid municipalityId, Guid accountId, DateTimeOffset at,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<ModerationRecord>> ActionsAgainstAsync(Guid municipalityId, Guid accountId, string handle,
        CancellationToken cancellationToken);

    /// <summary>Actions that cited the rule with this catalogue code, occurred in [since, until).</summary>
    Task<IReadOnlyList<CitedAction>> ActionsCitingAsync(Guid municipalityId, string ruleCode, DateTimeOffset since, DateTimeOffset until,
        CancellationToken cancellationToken);

    Task<BlockPattern> BlockPatternAsync(Guid municipalityId, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken);
}
