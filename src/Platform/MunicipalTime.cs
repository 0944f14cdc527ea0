namespace Governance.Platform;

/// <summary>Dates as a municipality sees them: "today" and deadlines follow its own time zone (R14).</summary>
public static class MunicipalTime
{
    /// <summary>Ontario's time zone, for a municipality whose own is not known.</summary>
    public const string DefaultTimeZone = "America/Toronto";

    public static DateOnly TodayIn(this TimeProvider clock, string timeZoneId) => DayIn(clock.GetUtcNow(), timeZoneId);

    /// <summary>The calendar day of a moment in a time zone.</summary>
    public static DateOnly DayIn(DateTimeOffset moment, string? timeZoneId)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId ?? DefaultTimeZone)).DateTime);

    /// <summary>The first moment of a day in a time zone, as UTC (PostgreSQL stores no other offset).</summary>
    public static DateTimeOffset StartOf(DateOnly day, string? timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId ?? DefaultTimeZone);
        var start = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
    }
}
