using System.Text.RegularExpressions;

namespace Governance.Complaints.Domain;

/// <summary>
/// R15, R16: the one redaction step for what the public registry shows. The Integrity Commissioner marks the
/// passages to remove; every occurrence of each, in any letter case, becomes "[redacted]". Nothing else is
/// changed: replacing a name word by word turned "City Hall" into "City the complainant".
/// </summary>
internal static class Redaction
{
    public const string Marker = "[redacted]";

    /// <summary>The marks as kept: trimmed, without blanks or repeats, in a stable order (the preview's hash depends on it).</summary>
    public static IReadOnlyList<string> Normalise(IEnumerable<string?>? marks)
        => (marks ?? []).Select(m => m?.Trim() ?? "").Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal).ToList();

    public static string Apply(string text, IEnumerable<string?> marks)
    {
        // One pass, longest mark first: a shorter mark never leaves the tail of a longer one, nor matches inside a marker.
        var passages = Normalise(marks).OrderByDescending(m => m.Length).Select(Regex.Escape).ToList();
        return passages.Count == 0 || text.Length == 0
            ? text
            : Regex.Replace(text, string.Join('|', passages), Marker, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }
}
