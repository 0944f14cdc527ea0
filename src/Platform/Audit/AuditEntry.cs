using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Platform.Audit;

/// <summary>
/// One line of a module's append-only audit trail: who did what, when, to which record, from where.
/// Each entry carries the seal of the one before, so any later edit or deletion breaks the chain; seals are keyed
/// (<see cref="AuditKey"/>), so whoever can write the database but not read the key cannot re-seal an edit.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Position in the chain, 1-based, assigned when the entry is sealed; unique, so a fork cannot commit.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public string Actor { get; set; } = "";

    public string? Address { get; set; }

    /// <summary>Verb-noun, e.g. "case.read", "appeal.filed".</summary>
    public string Action { get; set; } = "";

    public string RecordType { get; set; } = "";

    public string RecordId { get; set; } = "";

    public Guid? MunicipalityId { get; set; }

    public string? Details { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The entry's seal: HMAC-SHA256 under the audit key over its fields and the previous seal.</summary>
    public string ComputeHash(AuditKey key) => key.Sign(Canonical());

    /// <summary>Plain SHA-256, as chains were sealed before the key: only to recognise and upgrade such chains.</summary>
    internal string ComputeLegacyHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    private string Canonical() => string.Join('\u001f',
        Sequence, At.UtcTicks, ActorId?.ToString() ?? "", Actor, Address ?? "", Action, RecordType, RecordId,
        MunicipalityId?.ToString() ?? "", Details ?? "", PreviousHash);

    internal static void Configure(EntityTypeBuilder<AuditEntry> entity, string prefix)
    {
        entity.ToTable($"{prefix}_audit_entries");
        entity.HasKey(e => e.Id);
        entity.HasIndex(e => e.Sequence).IsUnique();
        entity.Property(e => e.Actor).HasMaxLength(256);
        entity.Property(e => e.Address).HasMaxLength(64);
        entity.Property(e => e.Action).HasMaxLength(100);
        entity.Property(e => e.RecordType).HasMaxLength(100);
        entity.Property(e => e.RecordId).HasMaxLength(100);
        entity.Property(e => e.PreviousHash).HasMaxLength(64);
        entity.Property(e => e.Hash).HasMaxLength(64);
        entity.HasIndex(e => new { e.RecordType, e.RecordId });
    }
}
