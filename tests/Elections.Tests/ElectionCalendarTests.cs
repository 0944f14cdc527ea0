using Governance.Elections.Domain;

namespace Governance.Elections.Tests;

public sealed class ElectionCalendarTests
{
    private static bool Weekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    [Fact]
    public void R12_the_2022_election_dates()
    {
        var e = ElectionCalendar.Regular(2022, Weekday);
        // 1 May 2022 was a Sunday: nominations opened Monday 2 May.
        Assert.Equal(new DateOnly(2022, 5, 2), e.NominationPeriodOpens);
        Assert.Equal(new DateOnly(2022, 8, 19), e.NominationDay);
        Assert.Equal(new DateOnly(2022, 10, 24), e.VotingDay);
        Assert.Equal(new DateOnly(2022, 11, 15), e.TermStarts);
        Assert.Equal(new DateOnly(2022, 12, 31), e.CampaignPeriodEnds);
    }

    [Fact]
    public void R12_the_2026_election_dates()
    {
        var e = ElectionCalendar.Regular(2026, Weekday);
        Assert.Equal(new DateOnly(2026, 5, 1), e.NominationPeriodOpens); // a Friday
        Assert.Equal(new DateOnly(2026, 8, 21), e.NominationDay);
        Assert.Equal(new DateOnly(2026, 10, 26), e.VotingDay);
    }

    [Theory]
    [InlineData(2022, true)]
    [InlineData(2026, true)]
    [InlineData(2030, true)]
    [InlineData(2027, false)]
    [InlineData(2018, false)]
    public void R12_regular_elections_are_every_four_years(int year, bool regular)
        => Assert.Equal(regular, ElectionCalendar.IsRegularElectionYear(year));
}
