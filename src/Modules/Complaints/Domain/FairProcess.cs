namespace Governance.Complaints.Domain;

/// <summary>Who may complain (R16: residents, members of council, council itself).</summary>
internal enum ComplainantKind
{
    Resident = 1,
    MemberOfCouncil = 2,
    Council = 3,
}

/// <summary>R16: the coded outcomes of intake and preliminary assessment; each tells the complainant why.</summary>
internal enum IntakeDisposition
{
    OutsideJurisdiction = 1,
    OutOfTime = 2,
    FrivolousVexatiousOrBadFaith = 3,
    InsufficientGrounds = 4,
    Withdrawn = 5,
    /// <summary>The same matter as another complaint (as with petition-style complaints): linked to the lead case and answered with it.</summary>
    Duplicate = 6,
    ResolvedInformally = 7,
    Investigate = 8,
}

/// <summary>Remedial measures council may adopt (R16).</summary>
internal enum RemedialMeasure
{
    Apology = 1,
    Training = 2,
    RemovalFromCommittee = 3,
    ReturnOfProperty = 4,
    Other = 5,
}

/// <summary>Council's decision on a report (R16): any combination of penalties and measures, nothing, or deferred.</summary>
internal sealed record CouncilDecision(
    bool Reprimand,
    int? PaySuspensionDays,
    IReadOnlyCollection<RemedialMeasure> Measures,
    string? MeasuresDetail,
    bool NoAction,
    bool Deferred,
    DateOnly? MeetingOn,
    string? ResolutionNumber);

/// <summary>
/// R16, a fair process for both sides (Municipal Act ss.223.3-223.6 and common Ontario IC protocols): the time limit
/// from awareness, which the IC may extend with a reason; coded dispositions; council's penalties (a reprimand, a
/// suspension of pay of up to 90 days) and remedial measures.
/// </summary>
internal static class FairProcess
{
    /// <summary>The last day to file: the protocol's days after the complainant became aware of the conduct.</summary>
    public static DateOnly TimeLimitEnds(DateOnly awareOn, int limitDays) => awareOn.AddDays(limitDays);

    public static bool IsLate(DateOnly filedOn, DateOnly awareOn, int limitDays) => filedOn > TimeLimitEnds(awareOn, limitDays);

    /// <summary>The dates a complainant gives: the conduct, then awareness of it, neither in the future.</summary>
    public static Dictionary<string, string[]> CheckDates(DateOnly? conductOn, DateOnly? awareOn, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (conductOn is null)
        {
            errors["conductOn"] = ["Enter the date the conduct happened (your best estimate)."];
        }
        else if (conductOn > today)
        {
            errors["conductOn"] = ["The date the conduct happened cannot be in the future."];
        }

        if (awareOn is null)
        {
            errors["awareOn"] = ["Enter the date you became aware of it."];
        }
        else if (awareOn > today)
        {
            errors["awareOn"] = ["The date you became aware of it cannot be in the future."];
        }
        else if (conductOn is { } c && awareOn < c)
        {
            errors["awareOn"] = ["You cannot have become aware of the conduct before it happened."];
        }

        return errors;
    }

    /// <summary>R16: accepting a complaint filed after the time limit needs the IC's reason on file.</summary>
    public static string? LateAcceptanceRefusal(bool late, string? reason)
        => late && string.IsNullOrWhiteSpace(reason)
            ? "This complaint was filed after the time limit: give the reason for accepting it, or dispose of it as out of time."
            : null;

    /// <summary>What the complainant is told for each disposition, in plain words, before the IC's own reasons.</summary>
    public static string Explain(IntakeDisposition disposition) => disposition switch
    {
        IntakeDisposition.OutsideJurisdiction => "The complaint is about something the Code of Conduct or the Integrity Commissioner does not cover.",
        IntakeDisposition.OutOfTime => "The complaint was filed after the time limit, and there is no reason to accept it late.",
        IntakeDisposition.FrivolousVexatiousOrBadFaith => "The Integrity Commissioner found the complaint frivolous, vexatious or made in bad faith.",
        IntakeDisposition.InsufficientGrounds => "There are not enough grounds to investigate.",
        IntakeDisposition.Withdrawn => "The complaint was withdrawn.",
        IntakeDisposition.Duplicate => "The same matter is already before the Integrity Commissioner in another complaint; it will be answered together with that one.",
        IntakeDisposition.ResolvedInformally => "The complaint was resolved informally.",
        _ => "The Integrity Commissioner will investigate the complaint.",
    };

    /// <summary>The dispositions that close a complaint at preliminary assessment (investigate moves it on; withdrawn has its own path).</summary>
    public static bool Closes(IntakeDisposition disposition)
        => disposition is not (IntakeDisposition.Investigate or IntakeDisposition.Withdrawn);

    public static Dictionary<string, string[]> CheckCouncilDecision(CouncilDecision decision, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var imposes = decision.Reprimand || decision.PaySuspensionDays is not null || decision.Measures.Count > 0;
        if (decision.Deferred && (imposes || decision.NoAction))
        {
            errors["deferred"] = ["A deferred decision imposes nothing yet: record the decision when council makes it."];
        }
        else if (decision.NoAction && imposes)
        {
            errors["noAction"] = ["Council imposed nothing, or chose penalties and measures: not both."];
        }
        else if (!decision.Deferred && !decision.NoAction && !imposes)
        {
            errors["reprimand"] = ["Record what council decided: a reprimand, a suspension of pay, remedial measures, nothing, or deferred."];
        }

        if (decision.PaySuspensionDays is { } days and (< 1 or > 90))
        {
            errors["paySuspensionDays"] = ["A suspension of pay is from 1 to 90 days (Municipal Act s.223.4(5))."];
        }

        if (decision.Measures.Contains(RemedialMeasure.Other) && string.IsNullOrWhiteSpace(decision.MeasuresDetail))
        {
            errors["measuresDetail"] = ["Describe the other remedial measure."];
        }

        if (decision.MeetingOn is not { } meeting || meeting > today)
        {
            errors["meetingOn"] = ["Enter the date of the council meeting (today or earlier)."];
        }

        if (string.IsNullOrWhiteSpace(decision.ResolutionNumber) && !decision.Deferred)
        {
            errors["resolutionNumber"] = ["Enter council's resolution number."];
        }

        return errors;
    }

    /// <summary>Council's decision in plain words, for the timeline, the complainant and the member.</summary>
    public static string Describe(CouncilDecision d)
    {
        if (d.Deferred)
        {
            return "Council deferred its decision";
        }

        if (d.NoAction)
        {
            return "Council imposed no penalty and no measures";
        }

        var parts = new List<string>();
        if (d.Reprimand)
        {
            parts.Add("a reprimand");
        }

        if (d.PaySuspensionDays is { } days)
        {
            parts.Add($"a suspension of pay for {days} day{(days == 1 ? "" : "s")}");
        }

        parts.AddRange(d.Measures.Select(m => m switch
        {
            RemedialMeasure.Apology => "an apology",
            RemedialMeasure.Training => "training",
            RemedialMeasure.RemovalFromCommittee => "removal from a committee",
            RemedialMeasure.ReturnOfProperty => "the return of property or a gift",
            _ => d.MeasuresDetail?.Trim() ?? "another measure",
        }));
        return $"Council imposed {string.Join(", ", parts)}";
    }
}
