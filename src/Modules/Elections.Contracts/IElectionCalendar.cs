namespace Governance.Elections.Contracts;

/// <summary>Whether a date falls in the complaint blackout before an election, and when it ends (R12).</summary>
public sealed record BlackoutStatus(bool InBlackout, DateOnly? Starts, DateOnly? Ends, string Explanation);

/// <summary>The election calendar, as Complaints asks it.</summary>
public interface IElectionCalendar
{
    /// <summary>No IC complaint is accepted or investigated in the blackout: complaints received are held, open ones suspended.</summary>
    Task<BlackoutStatus> BlackoutOnAsync(Guid municipalityId, DateOnly day, CancellationToken cancellationToken);
}
