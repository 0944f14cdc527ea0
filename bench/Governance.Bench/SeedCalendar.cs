using System.Globalization;

namespace Governance.Bench;

/// <summary>
/// A municipality's business days as the host counts them (Policies' BusinessCalendar, R14): the end of the n-th
/// business day after a moment, in the municipality's time zone, skipping weekends and its holidays. With the same
/// words as the host's due-date explanation, so a seeded task reads like one the runtime opened.
/// </summary>
internal sealed class SeedCalendar(TimeZoneInfo zone, IReadOnlyDictionary<DateOnly, string> holidays)
{
    /// <summary>The service level the host seeds for every municipality (Monday to Friday, closing at 16:30).</summary>
    private static readonly TimeOnly Closes = new(16, 30);

    public TimeZoneInfo Zone => zone;

    /// <summary>The due moment; with <paramref name="steps"/>, how it was counted (only open tasks keep that).</summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days, List<string>? steps = null)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone);
        steps?.Add($"Started {Describe(local)}.");
        var day = DateOnly.FromDateTime(local.DateTime);
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (Skip(day) is { } reason)
            {
                steps?.Add($"Skipped {day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} ({reason}).");
                continue;
            }

            counted++;
        }

        var due = At(day, Closes);
        steps?.Add($"Counted {days} business day{(days == 1 ? "" : "s")}: due {Describe(TimeZoneInfo.ConvertTime(due, zone))}.");
        return due;
    }

    /// <summary>The calendar day of a moment in the municipality.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);

    /// <summary>The first moment of a day in the municipality, as UTC (MunicipalTime.StartOf).</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    private string? Skip(DateOnly day) => holidays.TryGetValue(day, out var name) ? $"holiday: {name}"
        : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "not a business day"
        : null;

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private string Describe(DateTimeOffset local)
        => $"{local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
}
