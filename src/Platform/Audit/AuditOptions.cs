namespace Governance.Platform.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// The key that seals the chains (HMAC-SHA256). Relative paths are under the data folder. It is kept out of the
    /// database so a copy of the database cannot be re-sealed; every host on one database must read the same key.
    /// </summary>
    public string KeyFile { get; set; } = "keys/audit-chain.key";

    /// <summary>Who gets the daily signed checkpoint of every chain's head (e.g. the IC's office); comma-separated.</summary>
    public string CheckpointRecipients { get; set; } = "";

    public IReadOnlyList<string> Recipients()
        => CheckpointRecipients.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
