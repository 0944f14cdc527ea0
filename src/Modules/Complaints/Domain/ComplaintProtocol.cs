using Governance.SharedKernel;

namespace Governance.Complaints.Domain;

/// <summary>What happens to Code of Conduct complaints in the election period (R12).</summary>
internal enum ElectionProtocol
{
    /// <summary>The statutory model (Municipal Act s.223.4.1): no new complaint; open inquiries end on nomination day.</summary>
    Terminate = 1,

    /// <summary>Complaints received are held and open ones paused; all resume after the window.</summary>
    Hold = 2,
}

/// <summary>How a complainant signs the declaration (R16).</summary>
internal enum DeclarationKind
{
    /// <summary>A typed full name under the declaration.</summary>
    Typed = 1,

    /// <summary>A sworn or affirmed declaration; the file records who commissioned it and when.</summary>
    Sworn = 2,
}

/// <summary>
/// A municipality's complaint protocol, set by its Integrity Commissioner (R12, R16): the election period, the time
/// limit, the declaration, naming the member in a published report, and the appeal escalation window (R9). A
/// municipality without one uses <see cref="Default"/>.
/// </summary>
internal sealed class ComplaintProtocol : IMunicipalityOwned
{
    public Guid MunicipalityId { get; set; }

    public ElectionProtocol ElectionProtocol { get; set; } = ElectionProtocol.Terminate;

    /// <summary>Days the window starts before nomination day (0: on nomination day, the statutory minimum).</summary>
    public int WindowDaysBeforeNominationDay { get; set; }

    /// <summary>Days the window goes on after voting day (0: ends on voting day; e.g. to the new council's first meeting).</summary>
    public int WindowDaysAfterVotingDay { get; set; }

    /// <summary>By-elections have no window unless the protocol says so.</summary>
    public bool WindowForByElections { get; set; }

    /// <summary>Days from when the complainant became aware of the conduct to file; the IC may accept a late complaint.</summary>
    public int TimeLimitDays { get; set; } = 180;

    public DeclarationKind Declaration { get; set; } = DeclarationKind.Typed;

    /// <summary>The published report names the member only if a breach is found.</summary>
    public bool NameMemberOnlyOnBreach { get; set; } = true;

    /// <summary>Days a resident has to escalate an appeal after its decision (R9).</summary>
    public int AppealEscalationDays { get; set; } = 30;

    /// <summary>Who reviews an escalated appeal about a corporate account: a clerk or administrator the municipality names.</summary>
    public Guid? AppealReviewerUserId { get; set; }

    /// <summary>R16: the local boards whose members the Code applies to, one per line.</summary>
    public string? LocalBoards { get; set; }

    public IReadOnlyList<string> LocalBoardList
        => (LocalBoards ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>MFIPPA s.29(2): the official who answers questions about collecting complainants' information (title, address, phone).</summary>
    public string? PrivacyContact { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset? UpdatedAt { get; set; }

    public static ComplaintProtocol Default(Guid municipalityId) => new() { MunicipalityId = municipalityId };
}

/// <summary>The limits of a protocol (R12, R16): the window may be made longer, never shorter.</summary>
internal static class ComplaintProtocolRules
{
    public const int MaxWindowExtensionDays = 120;

    public static Dictionary<string, string[]> Check(ComplaintProtocol protocol)
    {
        var errors = new Dictionary<string, string[]>();
        if (protocol.WindowDaysBeforeNominationDay < 0)
        {
            errors["windowDaysBeforeNominationDay"] = ["The election period starts on nomination day at the latest (Municipal Act s.223.4.1): a protocol may start it earlier, never later."];
        }
        else if (protocol.WindowDaysBeforeNominationDay > MaxWindowExtensionDays)
        {
            errors["windowDaysBeforeNominationDay"] = [$"Start the election period at most {MaxWindowExtensionDays} days before nomination day."];
        }

        if (protocol.WindowDaysAfterVotingDay < 0)
        {
            errors["windowDaysAfterVotingDay"] = ["The election period ends on voting day at the earliest (Municipal Act s.223.4.1): a protocol may end it later, never sooner."];
        }
        else if (protocol.WindowDaysAfterVotingDay > MaxWindowExtensionDays)
        {
            errors["windowDaysAfterVotingDay"] = [$"End the election period at most {MaxWindowExtensionDays} days after voting day."];
        }

        if (protocol.TimeLimitDays is < 30 or > 730)
        {
            errors["timeLimitDays"] = ["The time limit is from 30 to 730 days after the complainant became aware of the conduct."];
        }

        if (protocol.AppealEscalationDays is < 7 or > 90)
        {
            errors["appealEscalationDays"] = ["A resident has from 7 to 90 days to escalate an appeal."];
        }

        if (protocol.LocalBoards?.Length > 2000 || protocol.LocalBoardList.Any(b => b.Length > 200))
        {
            errors["localBoards"] = ["List at most 2,000 characters of local boards, one per line, each up to 200 characters."];
        }

        if (protocol.PrivacyContact?.Length > 500)
        {
            errors["privacyContact"] = ["Keep the privacy contact under 500 characters."];
        }

        if (!Enum.IsDefined(protocol.ElectionProtocol))
        {
            errors["electionProtocol"] = ["Choose terminate or hold."];
        }

        if (!Enum.IsDefined(protocol.Declaration))
        {
            errors["declaration"] = ["Choose typed or sworn."];
        }

        return errors;
    }
}
