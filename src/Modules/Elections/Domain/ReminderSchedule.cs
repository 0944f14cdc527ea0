namespace Governance.Elections.Domain;

/// <summary>When members are reminded of a coming date (the planned filing date, nomination day).</summary>
internal static class ReminderSchedule
{
    /// <summary>Days before the date on which a reminder goes out.</summary>
    public static IReadOnlyList<int> DaysBefore { get; } = [30, 14, 7, 1];

    /// <summary>
    /// The reminder due on <paramref name="today"/> for <paramref name="target"/>: the nearest of
    /// <see cref="DaysBefore"/> whose day has come, or none once the date is reached. After a pause (a host
    /// down for days) only the latest reminder goes out, never a backlog of stale ones.
    /// </summary>
    public static int? DueOn(DateOnly target, DateOnly today)
    {
        if (today >= target)
        {
            return null;
        }

        int? due = null;
        foreach (var days in DaysBefore)
        {
            if (today >= target.AddDays(-days))
            {
                due = days;
            }
        }

        return due;
    }
}
