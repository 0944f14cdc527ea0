using Governance.Policies.Domain;

namespace Governance.Policies.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    private static BusinessCalendar Calendar(int year = 2026) => new(Toronto,
        BusinessCalendar.Weekdays(new TimeOnly(8, 30), new TimeOnly(16, 30)),
        OntarioHolidays.For(year).ToDictionary(h => h.Date, h => h.Name));

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Toronto.GetUtcOffset(local));
    }

    [Fact]
    public void R14_business_days_skip_weekends_and_holidays_and_say_so()
    {
        // Friday 26 June 2026, 15:00. Canada Day is Wednesday 1 July.
        var deadline = Calendar().AddBusinessDays(Local(2026, 6, 26, 15), 5);

        Assert.Equal(Local(2026, 7, 6, 16, 30), deadline.Due);
        Assert.Contains(deadline.Steps, s => s.Contains("Skipped Sat 27 Jun 2026 (not a business day)", StringComparison.Ordinal));
        Assert.Contains(deadline.Steps, s => s.Contains("Skipped Wed 1 Jul 2026 (holiday: Canada Day)", StringComparison.Ordinal));
        Assert.Contains("due Monday 6 July 2026 at 16:30 (America/Toronto)", deadline.Steps[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void R14_eight_business_hours_from_friday_afternoon_end_on_monday()
    {
        // Friday 6 November 2026 14:30: 2 h on Friday, then 6 h on Monday from 8:30.
        var deadline = Calendar().AddBusinessHours(Local(2026, 11, 6, 14, 30), TimeSpan.FromHours(8));

        Assert.Equal(Local(2026, 11, 9, 14, 30), deadline.Due);
        Assert.Contains(deadline.Steps, s => s.StartsWith("Counted 2 h on Fri 6 Nov", StringComparison.Ordinal));
    }

    [Fact]
    public void R14_time_received_after_hours_starts_counting_at_the_next_opening()
    {
        var deadline = Calendar().AddBusinessHours(Local(2026, 11, 10, 19), TimeSpan.FromHours(1));
        Assert.Equal(Local(2026, 11, 11, 9, 30), deadline.Due);
    }

    [Fact]
    public void R14_deadlines_follow_the_municipalitys_time_zone_across_the_clock_change()
    {
        // Clocks go back on Sunday 1 November 2026; the deadline is 16:30 local either way.
        var deadline = Calendar().AddBusinessDays(Local(2026, 10, 30, 10), 1);
        Assert.Equal(Local(2026, 11, 2, 16, 30), deadline.Due);
        Assert.Equal(TimeSpan.FromHours(-5), TimeZoneInfo.ConvertTime(deadline.Due, Toronto).Offset);
    }

    [Theory]
    [InlineData(2026, 2, 16, "Family Day")]
    [InlineData(2026, 4, 3, "Good Friday")]
    [InlineData(2026, 5, 18, "Victoria Day")]
    [InlineData(2026, 8, 3, "Civic Holiday")]
    [InlineData(2026, 9, 7, "Labour Day")]
    [InlineData(2026, 10, 12, "Thanksgiving Day")]
    [InlineData(2026, 12, 25, "Christmas Day")]
    [InlineData(2026, 12, 28, "Boxing Day (observed)")]
    [InlineData(2027, 3, 26, "Good Friday")]
    [InlineData(2027, 12, 27, "Christmas Day (observed)")]
    [InlineData(2027, 12, 28, "Boxing Day (observed)")]
    public void R14_ontario_holidays_fall_on_their_days_and_weekend_ones_are_observed_on_weekdays(int year, int month, int day, string name)
        => Assert.Contains((new DateOnly(year, month, day), name), OntarioHolidays.For(year));
}
