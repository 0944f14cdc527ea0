namespace Governance.Policies.Contracts;

/// <summary>A deadline and, in plain words, how it was computed (R14: deadlines show their working).</summary>
public sealed record Deadline(DateTimeOffset Due, IReadOnlyList<string> Steps);

/// <summary>A prohibited-content rule a moderator can rely on (R3).</summary>
public sealed record ModerationRule(Guid Id, string Code, string Title, string Description, bool ReportToPolice);

/// <summary>Catalogue codes other modules act on.</summary>
public static class RuleCodes
{
    /// <summary>Middlesex (R11): candidates may not post on the municipality's own accounts during the nomination period.</summary>
    public const string CandidatePosting = "candidate_posting";
}

/// <summary>A Code of Conduct article of a municipality (R10).</summary>
public sealed record ConductArticle(Guid Id, string Number, string Title, string Summary);

/// <summary>A published version of a terms-of-use or house-rules document (R2).</summary>
public sealed record PolicyVersionInfo(Guid Id, Guid DocumentId, string Title, int Number, DateOnly EffectiveFrom,
    Guid? AccountId, string PublicUrl);

/// <summary>Policies for other modules. Every call names the municipality; another municipality's ids find nothing.</summary>
public interface IPolicyCatalog
{
    Task<ModerationRule?> FindRuleAsync(Guid municipalityId, Guid ruleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ModerationRule>> RulesAsync(Guid municipalityId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConductArticle>> ArticlesAsync(Guid municipalityId, CancellationToken cancellationToken);

    /// <summary>The house rules in force for an account on a date: the account's own, else the municipality's.</summary>
    Task<PolicyVersionInfo?> HouseRulesInForceAsync(Guid municipalityId, Guid? accountId, DateOnly date,
        CancellationToken cancellationToken);
}

/// <summary>Business-time deadlines with the municipality's hours and holidays (R14).</summary>
public interface IServiceCalendar
{
    Task<Deadline> AddBusinessDaysAsync(Guid municipalityId, DateTimeOffset start, int days, CancellationToken cancellationToken);

    Task<Deadline> AddBusinessHoursAsync(Guid municipalityId, DateTimeOffset start, TimeSpan hours,
        CancellationToken cancellationToken);
}
