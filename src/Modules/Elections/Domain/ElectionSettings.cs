using Governance.SharedKernel;

namespace Governance.Elections.Domain;

/// <summary>A municipality's election settings: how its complaint blackout is set (R12).</summary>
internal sealed class ElectionSettings : IMunicipalityOwned
{
    public Guid MunicipalityId { get; set; }

    public BlackoutRule BlackoutRule { get; set; } = BlackoutRule.NominationDayToVotingDay;

    /// <summary>Used with <see cref="BlackoutRule.DaysBeforeVotingDay"/> (Hamilton: 90).</summary>
    public int BlackoutDaysBeforeVoting { get; set; } = 90;
}
