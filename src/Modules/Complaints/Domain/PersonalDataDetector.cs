using System.Text.RegularExpressions;

namespace Governance.Complaints.Domain;

/// <summary>The complainant's details as on file, which a published report must not show (R15).</summary>
internal sealed record ComplainantOnFile(string Name, string? Email, string? Phone, string? Address)
{
    public static ComplainantOnFile None { get; } = new("", null, null, null);
}

/// <summary>A passage of a field that still looks like personal data.</summary>
internal sealed record DetectedData(string Field, string Kind, string Text);

/// <summary>
/// R15: flags what still looks like personal data in text about to be published: e-mail addresses, phone numbers,
/// street addresses and postal codes, and the complainant's name (whole and each part), e-mail, phone and address as
/// on file. A flag is a prompt for the Integrity Commissioner, not a verdict: "City Hall" is flagged for a complainant
/// named Hall.
/// </summary>
internal static partial class PersonalDataDetector
{
    public static IReadOnlyList<DetectedData> Detect(string field, string? text, ComplainantOnFile complainant)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<DetectedData>();
        void Add(string kind, IEnumerable<Match> matches) => found.AddRange(matches.Select(m => new DetectedData(field, kind, m.Value)));

        Add("email", Email().Matches(text));
        Add("phone", Phone().Matches(text));
        Add("address", StreetAddress().Matches(text));
        Add("postal code", PostalCode().Matches(text));

        var parts = complainant.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in new[] { complainant.Name.Trim() }.Concat(parts).Where(n => n.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Add("complainant's name", Whole(text, name));
        }

        if (complainant.Email is { Length: > 0 } email)
        {
            Add("complainant's e-mail", Whole(text, email.Trim()));
        }

        if (complainant.Address is { Length: > 0 } address)
        {
            Add("complainant's address", Whole(text, address.Trim()));
        }

        if (Digits(complainant.Phone) is { Length: >= 7 } phone)
        {
            // Any way of writing the number: compared by its digits.
            Add("complainant's phone", PhoneLike().Matches(text).Where(m => Digits(m.Value).EndsWith(phone, StringComparison.Ordinal)
                || phone.EndsWith(Digits(m.Value), StringComparison.Ordinal)));
        }

        return found.Distinct().ToList();
    }

    private static IEnumerable<Match> Whole(string text, string passage) => passage.Length == 0 ? [] :
        Regex.Matches(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(passage)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private static string Digits(string? text) => string.Concat((text ?? "").Where(char.IsAsciiDigit));

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Email();

    /// <summary>North American numbers: 519-555-0100, (519) 555 0100, +1 519.555.0100.</summary>
    [GeneratedRegex(@"(?<![\d\w])(\+?1[\s.-]?)?(\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex Phone();

    /// <summary>Runs of 7 or more digits with the usual separators, to compare with the number on file.</summary>
    [GeneratedRegex(@"(?<!\d)\+?\(?\d[\d\s().-]{5,}\d(?!\d)", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex PhoneLike();

    /// <summary>A civic number, one to four capitalised words and a street type: 12 Elm Street, 400 Wellington Rd.</summary>
    [GeneratedRegex(@"\b\d{1,6}[A-Za-z]?\s+(\p{Lu}[\p{L}'.-]*\s+){1,4}(Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Crescent|Cres|Court|Ct|Lane|Ln|Way|Place|Pl|Line|Sideroad|Concession|Highway|Hwy|Trail|Terrace|Circle|Square|Parkway|Pkwy|Gate|Heights|Row)\b",
        RegexOptions.CultureInvariant, 2000)]
    private static partial Regex StreetAddress();

    /// <summary>Canadian postal codes: A1A 1A1.</summary>
    [GeneratedRegex(@"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 2000)]
    private static partial Regex PostalCode();
}
