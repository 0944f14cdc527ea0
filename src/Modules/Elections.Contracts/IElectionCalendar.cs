using Governance.SharedKernel;

namespace Governance.Elections.Contracts;

/// <summary>
/// An election's statutory dates as the municipality holds them (R12): Complaints computes the IC's election period
/// from them with the protocol the IC set. <paramref name="Regular"/> is false for a by-election.
/// </summary>
public sealed record ElectionDatesInfo(string Name, bool Regular, DateOnly NominationDay, DateOnly VotingDay, DateOnly TermStarts);

/// <summary>Whether a date is in a nomination period (R11, Middlesex: candidates may not post on municipal accounts).</summary>
public sealed record NominationPeriodStatus(bool InNominationPeriod, DateOnly? Opens, DateOnly? NominationDay, string Explanation);

/// <summary>The election calendar, as Complaints and Accounts ask it.</summary>
public interface IElectionCalendar
{
    /// <summary>
    /// The elections whose voting day falls in <paramref name="year"/>: the regular election (the municipality's dates if
    /// the clerk changed them, else R12's) and any by-elections, voting day first.
    /// </summary>
    Task<IReadOnlyList<ElectionDatesInfo>> ElectionsInAsync(Guid municipalityId, int year, CancellationToken cancellationToken);

    Task<NominationPeriodStatus> NominationPeriodOnAsync(Guid municipalityId, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// A candidate will campaign on a separate account: Accounts registers it as a campaign account, not official.
/// The id is chosen by Elections so both modules name the same account; handling is idempotent.
/// </summary>
public sealed record CampaignAccountDeclared(Guid MunicipalityId, Guid AccountId, Guid MemberUserId, string MemberName,
    string MemberEmail, string Platform, string Handle, string ProfileUrl) : IIntegrationEvent;
