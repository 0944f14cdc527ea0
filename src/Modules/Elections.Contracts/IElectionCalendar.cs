using Governance.SharedKernel;

namespace Governance.Elections.Contracts;

/// <summary>Whether a date falls in the complaint blackout before an election, and when it ends (R12).</summary>
public sealed record BlackoutStatus(bool InBlackout, DateOnly? Starts, DateOnly? Ends, string Explanation);

/// <summary>Whether a date is in a nomination period (R11, Middlesex: candidates may not post on municipal accounts).</summary>
public sealed record NominationPeriodStatus(bool InNominationPeriod, DateOnly? Opens, DateOnly? NominationDay, string Explanation);

/// <summary>The election calendar, as Complaints and Accounts ask it.</summary>
public interface IElectionCalendar
{
    /// <summary>No IC complaint is accepted or investigated in the blackout: complaints received are held, open ones suspended.</summary>
    Task<BlackoutStatus> BlackoutOnAsync(Guid municipalityId, DateOnly day, CancellationToken cancellationToken);

    Task<NominationPeriodStatus> NominationPeriodOnAsync(Guid municipalityId, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// A candidate will campaign on a separate account: Accounts registers it as a campaign account, not official.
/// The id is chosen by Elections so both modules name the same account; handling is idempotent.
/// </summary>
public sealed record CampaignAccountDeclared(Guid MunicipalityId, Guid AccountId, Guid MemberUserId, string MemberName,
    string MemberEmail, string Platform, string Handle, string ProfileUrl) : IIntegrationEvent;
