using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Governance.Complaints.Domain;

/// <summary>Reference numbers residents quote and the private tokens of their tracking links.</summary>
internal static partial class CaseReferences
{
    public static string Prefix(CaseKind kind) => kind == CaseKind.Appeal ? "APL" : "COC";

    public static string Format(CaseKind kind, int year, int number) => $"{Prefix(kind)}-{year}-{number:D6}";

    public static bool IsWellFormed(string reference) => Shape().IsMatch(reference);

    /// <summary>256 random bits, URL-safe: unguessable.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares a presented token with the stored hash in constant time.</summary>
    public static bool Matches(string? token, string storedHash)
        => token is { Length: > 0 and < 100 }
           && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(token)),
               System.Text.Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^(APL|COC)-[0-9]{4}-[0-9]{6}$")]
    private static partial Regex Shape();
}
