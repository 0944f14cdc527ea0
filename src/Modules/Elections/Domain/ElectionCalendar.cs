namespace Governance.Elections.Domain;

/// <summary>The dates of a regular Ontario municipal election (R12).</summary>
internal sealed record ElectionDates(
    int Year,
    DateOnly NominationPeriodOpens,
    DateOnly NominationDay,
    DateOnly VotingDay,
    DateOnly TermStarts,
    DateOnly CampaignPeriodEnds);

/// <summary>
/// R12: regular elections every four years (2022, 2026, 2030...). Nominations open May 1 (the next business day
/// if that is not one); nomination day is the third Friday of August (until 2 p.m.); voting day is the fourth
/// Monday of October; the term starts November 15; the campaign period ends December 31.
/// </summary>
internal static class ElectionCalendar
{
    public static bool IsRegularElectionYear(int year) => year >= 2022 && (year - 2022) % 4 == 0;

    public static ElectionDates Regular(int year, Func<DateOnly, bool> isBusinessDay)
    {
        if (!IsRegularElectionYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"{year} is not a regular municipal election year in Ontario.");
        }

        var opens = new DateOnly(year, 5, 1);
        while (!isBusinessDay(opens))
        {
            opens = opens.AddDays(1);
        }

        return new ElectionDates(year, opens, Nth(year, 8, DayOfWeek.Friday, 3), Nth(year, 10, DayOfWeek.Monday, 4),
            new DateOnly(year, 11, 15), new DateOnly(year, 12, 31));
    }

    /// <summary>A regular election with the R12 dates, to store when the municipality starts tracking it.</summary>
    public static Election NewRegular(Guid municipalityId, int year, DateTimeOffset now)
    {
        // May 1 falls on a weekend in some years; no statutory holiday falls on it.
        var dates = Regular(year, d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        return new Election
        {
            Id = Guid.NewGuid(), MunicipalityId = municipalityId, Kind = ElectionKind.Regular, Name = $"{year} municipal election",
            NominationPeriodOpens = dates.NominationPeriodOpens, NominationDay = dates.NominationDay, VotingDay = dates.VotingDay,
            TermStarts = dates.TermStarts, CampaignPeriodEnds = dates.CampaignPeriodEnds, CreatedAt = now,
        };
    }

    /// <summary>The next regular election on or after a date's year.</summary>
    public static int NextElectionYear(DateOnly from)
    {
        var year = from.Year;
        while (!IsRegularElectionYear(year))
        {
            year++;
        }

        return year;
    }

    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + ((n - 1) * 7));
    }
}
