namespace Governance.Policies.Domain;

/// <summary>
/// The holidays an Ontario municipal office usually closes for, to seed a municipality's calendar (R14): the
/// nine public holidays of the Employment Standards Act plus the Civic Holiday. A municipality edits its own
/// list (Easter Monday, September 30 or Remembrance Day where it closes). A holiday on a weekend is observed
/// on the next weekday that is not already a holiday (Christmas on a Saturday: Monday, Boxing Day: Tuesday).
/// </summary>
internal static class OntarioHolidays
{
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year)
    {
        var easter = EasterSunday(year);
        var fixedOrRule = new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "New Year's Day"),
            (Nth(year, 2, DayOfWeek.Monday, 3), "Family Day"),
            (easter.AddDays(-2), "Good Friday"),
            (LastMondayBefore(new DateOnly(year, 5, 25)), "Victoria Day"),
            (new DateOnly(year, 7, 1), "Canada Day"),
            (Nth(year, 8, DayOfWeek.Monday, 1), "Civic Holiday"),
            (Nth(year, 9, DayOfWeek.Monday, 1), "Labour Day"),
            (Nth(year, 10, DayOfWeek.Monday, 2), "Thanksgiving Day"),
            (new DateOnly(year, 12, 25), "Christmas Day"),
            (new DateOnly(year, 12, 26), "Boxing Day"),
        };

        var observed = new List<(DateOnly Date, string Name)>();
        foreach (var (date, name) in fixedOrRule)
        {
            var day = date;
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || observed.Any(o => o.Date == day))
            {
                day = day.AddDays(1);
            }

            observed.Add((day, day == date ? name : $"{name} (observed)"));
        }

        return observed;
    }

    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + ((n - 1) * 7));
    }

    private static DateOnly LastMondayBefore(DateOnly day)
    {
        var d = day.AddDays(-1);
        while (d.DayOfWeek != DayOfWeek.Monday)
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    /// <summary>Anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
