using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Governance.Complaints.Domain;

/// <summary>
/// Every field of the report the IC publishes on issue. Council's decision, recorded later as council resolved it, is
/// shown beside it, not part of it: a later decision never changes what the IC confirmed.
/// </summary>
internal sealed record PublishedFields(string Member, string Articles, string Report, string? RecommendedSanction);

/// <summary>
/// R15, R16: what the registry publishes is the report's fields through <see cref="Redaction"/>, with the detector's
/// warnings; the Integrity Commissioner confirms exactly that preview, identified by its hash.
/// </summary>
internal static class ReportPublication
{
    public static PublishedFields Redact(PublishedFields fields, IReadOnlyList<string> marks) => new(
        Redaction.Apply(fields.Member, marks), Redaction.Apply(fields.Articles, marks), Redaction.Apply(fields.Report, marks),
        fields.RecommendedSanction is null ? null : Redaction.Apply(fields.RecommendedSanction, marks));

    public static IReadOnlyList<DetectedData> Warnings(PublishedFields redacted, ComplainantOnFile complainant) =>
    [
        .. PersonalDataDetector.Detect("member", redacted.Member, complainant),
        .. PersonalDataDetector.Detect("articles", redacted.Articles, complainant),
        .. PersonalDataDetector.Detect("report", redacted.Report, complainant),
        .. PersonalDataDetector.Detect("recommendedSanction", redacted.RecommendedSanction, complainant),
    ];

    /// <summary>Identifies a preview: what would be published and the marks that made it (SHA-256, hex).</summary>
    public static string Hash(PublishedFields redacted, IReadOnlyList<string> marks)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { redacted, marks }))));
}
