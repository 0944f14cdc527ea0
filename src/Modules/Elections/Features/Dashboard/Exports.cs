using System.Globalization;
using System.Text;

namespace Governance.Elections.Features.Dashboard;

/// <summary>The dashboard as a CSV file for spreadsheets, and the election dates and deadlines as an iCalendar feed.</summary>
internal static class Exports
{
    public static string Csv(DashboardView view)
    {
        var csv = new StringBuilder();
        Line(csv, "Member", "Office", "Planned filing", "Filed", "Steps due by", "Account", "Plan", "Campaign account",
            "Steps", "Done", "Verified", "Overdue", "Last re-check", "Restored");
        foreach (var c in view.Candidates)
        {
            var plans = c.Plans.Count == 0 ? [null] : c.Plans.Cast<PlanRow?>();
            foreach (var p in plans)
            {
                var last = p?.Rechecks.FirstOrDefault();
                Line(csv, c.MemberName, c.Office, Date(c.IntendedFilingDate), Date(c.ActualFilingDate), Date(c.StepsDueOn),
                    p?.Account ?? "(no plan yet)", p?.Choice ?? "", p?.CampaignAccount ?? "",
                    Count(p?.Steps.Count), Count(p?.Steps.Count(s => s.Done)), Count(p?.Steps.Count(s => s.Verified)),
                    Count(p?.Steps.Count(s => s.Overdue)),
                    last is null ? "" : $"{last.RecordedAt:yyyy-MM-dd} {(last.Compliant ? "compliant" : "not compliant")}",
                    p?.RestoredAt is { } restored ? restored.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
            }
        }

        return csv.ToString();
    }

    public static string Calendar(DashboardView view, DateTimeOffset now)
    {
        var e = view.Election;
        var ics = new StringBuilder();
        Ics(ics, "BEGIN:VCALENDAR");
        Ics(ics, "VERSION:2.0");
        Ics(ics, "PRODID:-//Governance//Elections//EN");
        Ics(ics, "CALSCALE:GREGORIAN");
        Ics(ics, $"X-WR-CALNAME:{Escape(e.Name)}");
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        void Event(string id, DateOnly day, string summary, string description)
        {
            Ics(ics, "BEGIN:VEVENT");
            Ics(ics, $"UID:{e.Id:N}-{id}@governance");
            Ics(ics, $"DTSTAMP:{stamp}");
            Ics(ics, $"DTSTART;VALUE=DATE:{day:yyyyMMdd}");
            Ics(ics, $"DTEND;VALUE=DATE:{day.AddDays(1):yyyyMMdd}");
            Ics(ics, $"SUMMARY:{Escape(summary)}");
            Ics(ics, $"DESCRIPTION:{Escape(description)}");
            Ics(ics, "END:VEVENT");
        }

        Event("opens", e.NominationPeriodOpens, "Nominations open", $"{e.Name}: the nomination period opens. Candidates may not post on the municipality's accounts until nomination day.");
        Event("nomination", e.NominationDay, "Nomination day (until 2 p.m.)", $"{e.Name}: the last day to file nomination papers.");
        Event("voting", e.VotingDay, "Voting day", e.Name);
        Event("term", e.TermStarts, "Term of council starts", e.Name);
        Event("campaign-end", e.CampaignPeriodEnds, "Campaign period ends", $"{e.Name}: the R11 steps for converted accounts hold until today.");
        foreach (var c in view.Candidates)
        {
            if (c.IntendedFilingDate is { } planned)
            {
                Event($"{c.Id:N}-planned", planned, $"{c.MemberName}: planned nomination filing", c.Office);
            }

            if (c.ActualFilingDate is { } filed)
            {
                Event($"{c.Id:N}-filed", filed, $"{c.MemberName}: nomination papers filed", c.Office);
            }

            if (c.StepsTotal > 0)
            {
                Event($"{c.Id:N}-steps", c.StepsDueOn, $"{c.MemberName}: scrubbing steps due",
                    $"{c.StepsDone} of {c.StepsTotal} steps done, {c.StepsVerified} verified.");
            }
        }

        Ics(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder csv, params string[] cells)
        => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>Quotes every cell, and defuses text a spreadsheet would run as a formula.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? $"'{value}" : value;
        return $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal); // a lone CR ends a line for some readers: it would start a forged property

    /// <summary>RFC 5545: lines end in CRLF and are folded at 75 octets.</summary>
    private static void Ics(StringBuilder ics, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var start = 0;
        var first = true;
        while (start < bytes.Length)
        {
            var room = first ? 75 : 74;
            var end = Math.Min(start + room, bytes.Length);
            while (end < bytes.Length && (bytes[end] & 0xC0) == 0x80)
            {
                end--; // never split a UTF-8 character
            }

            ics.Append(first ? "" : " ").Append(Encoding.UTF8.GetString(bytes, start, end - start)).Append("\r\n");
            start = end;
            first = false;
        }
    }
}
