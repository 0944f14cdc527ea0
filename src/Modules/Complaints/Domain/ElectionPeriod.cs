namespace Governance.Complaints.Domain;

/// <summary>An election as the election period needs it: its name, whether it is regular, and its two dates.</summary>
internal sealed record ElectionDays(string Name, bool Regular, DateOnly NominationDay, DateOnly VotingDay);

/// <summary>The IC's election period for one election: no complaint, no inquiry, no report to council inside it.</summary>
internal sealed record ElectionWindow(string Election, DateOnly Starts, DateOnly Ends, DateOnly VotingDay)
{
    public bool Contains(DateOnly day) => day >= Starts && day <= Ends;

    /// <summary>The first day a complaint can be filed again.</summary>
    public DateOnly Reopens => Ends.AddDays(1);

    /// <summary>R12: a terminated inquiry is taken up again only on a written request within six weeks after voting day.</summary>
    public DateOnly RestartDeadline => ElectionPeriod.RestartDeadline(VotingDay);
}

/// <summary>What the election period does to a case on a given day (R12).</summary>
internal enum ElectionEffect
{
    None = 0,
    /// <summary>Terminate protocol: an inquiry not finished by the start of the window ends that day.</summary>
    Terminate = 1,
    /// <summary>Hold protocol: the case pauses until the window ends.</summary>
    Hold = 2,
    /// <summary>Hold protocol: the window is over, the held case resumes.</summary>
    Resume = 3,
    /// <summary>Terminate protocol: six weeks after voting day passed with no request to restart: the file closes.</summary>
    Expire = 4,
    /// <summary>Terminate protocol: a restart was asked for in time and the window is over: the inquiry goes on.</summary>
    Restart = 5,
}

/// <summary>
/// R12, the IC's election period (Municipal Act s.223.4.1 for conflict-of-interest applications, and the model most
/// municipal protocols apply to Code of Conduct complaints): no request may be made from nomination day to voting day
/// of a regular election; an inquiry not finished by nomination day is terminated that day; it is taken up again only
/// if the complainant or the member asks in writing within six weeks after voting day; no report goes to council in
/// the window. A municipality's protocol may instead hold complaints, and may make the window longer, never shorter.
/// </summary>
internal static class ElectionPeriod
{
    public const int RestartWeeks = 6;

    public static DateOnly RestartDeadline(DateOnly votingDay) => votingDay.AddDays(7 * RestartWeeks);

    /// <summary>The window of an election under the protocol; null for a by-election the protocol leaves out.</summary>
    public static ElectionWindow? Window(ElectionDays election, ComplaintProtocol protocol)
        => election.Regular || protocol.WindowForByElections
            ? new ElectionWindow(election.Name, election.NominationDay.AddDays(-protocol.WindowDaysBeforeNominationDay),
                election.VotingDay.AddDays(protocol.WindowDaysAfterVotingDay), election.VotingDay)
            : null;

    /// <summary>The window that contains a day, if any.</summary>
    public static ElectionWindow? On(IEnumerable<ElectionDays> elections, ComplaintProtocol protocol, DateOnly day)
        => elections.Select(e => Window(e, protocol)).FirstOrDefault(w => w is not null && w.Contains(day));

    /// <summary>Whether a new complaint is refused on this day, and why in plain words; null when it may be filed.</summary>
    public static string? Refusal(ElectionWindow? window, ComplaintProtocol protocol)
        => window is not null && protocol.ElectionProtocol == ElectionProtocol.Terminate
            ? $"No Code of Conduct complaint can be filed during the election period, from {window.Starts:d MMMM yyyy} to {window.Ends:d MMMM yyyy} "
              + $"({window.Election}). This protects the election: the Municipal Act stops new requests to the Integrity Commissioner "
              + $"from nomination day to voting day. You can file from {window.Reopens:d MMMM yyyy}."
            : null;

    /// <summary>Whether a complaint filed today is held until the window ends (hold protocol).</summary>
    public static bool HoldsNewComplaint(ElectionWindow? window, ComplaintProtocol protocol)
        => window is not null && protocol.ElectionProtocol == ElectionProtocol.Hold;

    /// <summary>Why a report may not go to council today; null when it may.</summary>
    public static string? ReportMustWait(ElectionWindow? window)
        => window is null
            ? null
            : $"No report goes to council during the election period ({window.Starts:d MMMM yyyy} to {window.Ends:d MMMM yyyy}). "
              + $"Issue it from {window.Reopens:d MMMM yyyy}.";

    /// <summary>
    /// What the election period does today to a case that is open (not paused), held, or terminated; the scheduled job
    /// applies it once a day and a second run finds nothing to do.
    /// </summary>
    public static ElectionEffect EffectOn(CaseElectionState state, ElectionWindow? window, ComplaintProtocol protocol, DateOnly today)
        => state switch
        {
            CaseElectionState.Open when window is not null => protocol.ElectionProtocol == ElectionProtocol.Terminate
                ? ElectionEffect.Terminate
                : ElectionEffect.Hold,
            CaseElectionState.Held when window is null => ElectionEffect.Resume,
            CaseElectionState.Terminated { RestartRequested: true } when window is null => ElectionEffect.Restart,
            CaseElectionState.Terminated { RestartRequested: false, RestartBy: { } by } when today > by => ElectionEffect.Expire,
            _ => ElectionEffect.None,
        };

    /// <summary>
    /// Whether a restart of a terminated inquiry may be asked for today, and if not, why. A request made while a longer
    /// window still runs is kept, and the inquiry goes on when the window ends.
    /// </summary>
    public static string? RestartRefusal(DateOnly? restartBy, DateOnly today)
    {
        if (restartBy is not { } by)
        {
            return "This file was not ended by the election period.";
        }

        var votingDay = by.AddDays(-7 * RestartWeeks);
        if (today <= votingDay)
        {
            return $"A request to restart can be made after voting day ({votingDay:d MMMM yyyy}), until {by:d MMMM yyyy}.";
        }

        return today > by
            ? $"The time to ask for a restart ended on {by:d MMMM yyyy}, six weeks after voting day. The file stays closed; a new complaint can be filed if it is still within the time limit."
            : null;
    }
}

/// <summary>Where a complaint stands for the election period.</summary>
internal abstract record CaseElectionState
{
    /// <summary>Being worked: an inquiry that is not finished.</summary>
    public sealed record Open : CaseElectionState;

    /// <summary>Paused by the hold protocol.</summary>
    public sealed record Held : CaseElectionState;

    /// <summary>Ended by the terminate protocol, restartable on a request made by <paramref name="RestartBy"/>.</summary>
    public sealed record Terminated(DateOnly? RestartBy, bool RestartRequested) : CaseElectionState;

    /// <summary>Finished or closed: nothing to do (a report already issued ends the inquiry).</summary>
    public sealed record Finished : CaseElectionState;
}
