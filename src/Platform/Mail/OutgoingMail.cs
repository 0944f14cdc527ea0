using System.Security.Cryptography;
using System.Text;

namespace Governance.Platform.Mail;

/// <summary>
/// A plain-text e-mail to one recipient. Plain text reads well everywhere, screen readers included. A
/// <paramref name="Sensitive"/> mail carries a secret (a tracking link, a reset code): once delivered, its body is cleared
/// from the outbox, leaving a SHA-256 of what was sent.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Body, bool Sensitive = false)
{
    public const string ClearedMarker = "(cleared after delivery)";

    /// <summary>This mail as kept once delivered: the secret gone, the SHA-256 of the UTF-8 body proving what was sent.</summary>
    public OutgoingMail Cleared() => Sensitive
        ? this with { Body = $"{ClearedMarker} SHA-256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)))}" }
        : this;
}
