namespace Governance.Platform;

/// <summary>Dates as a municipality sees them: "today" and deadlines follow its own time zone (R14).</summary>
public static class MunicipalTime
{
    public static DateOnly TodayIn(this TimeProvider clock, string timeZoneId)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);
}
