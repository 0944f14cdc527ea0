using System.Security.Cryptography;

namespace Governance.Accounts.Domain;

/// <summary>
/// RFC 6238 authenticator codes (6 digits, 30-second steps, HMAC-SHA1, as every authenticator app makes them).
/// Checked here rather than by Identity so that a code is accepted once only (ASVS 2.8.4): the caller keeps the last
/// step accepted and passes it in.
/// </summary>
internal static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Steps either side of now that are still accepted, for a phone clock a little off.</summary>
    public const int Drift = 1;

    /// <summary>The step the code belongs to, or null when it is wrong, too old, or already used.</summary>
    public static long? Match(string base32Key, string code, DateTimeOffset now, long lastUsedStep)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }

        var current = now.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        for (var step = current - Drift; step <= current + Drift; step++)
        {
            if (step > lastUsedStep && CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    public static string Code(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[]? Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = new System.Text.StringBuilder();
        foreach (var c in text.Trim().TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            bits.Append(Convert.ToString(value, 2).PadLeft(5, '0'));
        }

        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.ToString(i * 8, 8), 2)).ToArray();
    }
}
