using Governance.SharedKernel;

namespace Governance.Elections.Domain;

internal enum ElectionKind
{
    /// <summary>The province-wide municipal election every four years; its dates follow R12 unless overridden.</summary>
    Regular = 1,

    /// <summary>A by-election to fill a vacancy, with the dates council set.</summary>
    ByElection = 2,
}

/// <summary>
/// An election a municipality tracks candidates for. A regular election starts with the R12 dates; the clerk may
/// override any of them (and says why). A by-election has the dates the clerk enters.
/// </summary>
internal sealed class Election : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public ElectionKind Kind { get; set; }

    public string Name { get; set; } = "";

    public DateOnly NominationPeriodOpens { get; set; }

    public DateOnly NominationDay { get; set; }

    public DateOnly VotingDay { get; set; }

    public DateOnly TermStarts { get; set; }

    public DateOnly CampaignPeriodEnds { get; set; }

    /// <summary>Why the dates differ from R12, when the clerk changed them.</summary>
    public string? OverrideReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The nomination period (May 1 to nomination day): candidates may not post on municipal accounts.</summary>
    public bool InNominationPeriod(DateOnly day) => day >= NominationPeriodOpens && day <= NominationDay;
}
