using Governance.Policies.Contracts;

namespace Governance.Policies.Domain;

/// <summary>
/// R14 service levels: business days and hours in the municipality's own time zone, skipping weekends and its
/// holidays. The one calculator for every business-time deadline in the product.
/// </summary>
internal sealed class BusinessCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyDictionary<DayOfWeek, (TimeOnly Opens, TimeOnly Closes)> _hours;
    private readonly IReadOnlyDictionary<DateOnly, string> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, (TimeOnly Opens, TimeOnly Closes)> hours,
        IReadOnlyDictionary<DateOnly, string> holidays)
    {
        if (hours.Count == 0)
        {
            throw new ArgumentException("A calendar needs at least one business day.", nameof(hours));
        }

        _zone = zone;
        _hours = hours;
        _holidays = holidays;
    }

    /// <summary>Monday to Friday, 8:30 to 16:30 (Middlesex Centre's monitored hours).</summary>
    public static IReadOnlyDictionary<DayOfWeek, (TimeOnly, TimeOnly)> Weekdays(TimeOnly opens, TimeOnly closes)
        => new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => (opens, closes));

    /// <summary>
    /// The end of the <paramref name="days"/>-th business day after <paramref name="start"/> (the day of
    /// receipt does not count).
    /// </summary>
    public Deadline AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = ToLocal(start);
        var steps = new List<string> { $"Started {Describe(local)}." };
        var day = DateOnly.FromDateTime(local.DateTime);
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (Skip(day) is { } reason)
            {
                steps.Add($"Skipped {day:ddd d MMM yyyy} ({reason}).");
                continue;
            }

            counted++;
        }

        var closes = _hours.TryGetValue(day.DayOfWeek, out var h) ? h.Closes : new TimeOnly(23, 59);
        var due = At(day, closes);
        steps.Add($"Counted {days} business day{(days == 1 ? "" : "s")}: due {Describe(ToLocal(due))}.");
        return new Deadline(due, steps);
    }

    /// <summary>Adds business hours, counting only time inside the opening hours of business days.</summary>
    public Deadline AddBusinessHours(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var local = ToLocal(start);
        var steps = new List<string> { $"Started {Describe(local)}." };
        var remaining = duration;
        var day = DateOnly.FromDateTime(local.DateTime);
        var from = TimeOnly.FromDateTime(local.DateTime);
        while (true)
        {
            if (Skip(day) is { } reason)
            {
                steps.Add($"Skipped {day:ddd d MMM yyyy} ({reason}).");
            }
            else
            {
                var (opens, closes) = _hours[day.DayOfWeek];
                var begin = from < opens ? opens : from;
                if (begin < closes)
                {
                    var available = closes - begin;
                    if (available >= remaining)
                    {
                        var due = At(day, begin.Add(remaining));
                        steps.Add($"Counted {Hours(remaining)} on {day:ddd d MMM}: due {Describe(ToLocal(due))}.");
                        return new Deadline(due, steps);
                    }

                    steps.Add($"Counted {Hours(available)} on {day:ddd d MMM} ({begin:HH:mm}–{closes:HH:mm}).");
                    remaining -= available;
                }
            }

            day = day.AddDays(1);
            from = TimeOnly.MinValue;
        }
    }

    public bool IsBusinessDay(DateOnly day) => Skip(day) is null;

    private string? Skip(DateOnly day) => _holidays.TryGetValue(day, out var name) ? $"holiday: {name}"
        : !_hours.ContainsKey(day.DayOfWeek) ? "not a business day"
        : null;

    private DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private string Describe(DateTimeOffset local) => $"{local:dddd d MMMM yyyy 'at' HH:mm} ({_zone.Id})";

    private static string Hours(TimeSpan span) => span.TotalMinutes % 60 == 0
        ? $"{span.TotalHours:0} h"
        : $"{(int)span.TotalHours} h {span.Minutes} min";
}
