using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Platform.Outbox;

public enum OutboxKind
{
    IntegrationEvent = 1,
    Mail = 2,
}

/// <summary>
/// Something to do after a change commits: an integration event to dispatch or an e-mail to send. Written
/// in the same transaction as the change, so a change never happens without its message or the reverse.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>The event's CLR type ("Namespace.Type, Assembly"), or "mail".</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public Guid? MunicipalityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time: the next attempt after a failure backs off.</summary>
    public DateTimeOffset AvailableAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public DateTimeOffset? DeadLetteredAt { get; set; }

    /// <summary>A claim by one dispatcher run, so two hosts never handle the same message at once.</summary>
    public Guid? ClaimId { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    internal static void Configure(EntityTypeBuilder<OutboxMessage> entity, string prefix)
    {
        entity.ToTable($"{prefix}_outbox_messages");
        entity.HasKey(m => m.Id);
        entity.Property(m => m.Type).HasMaxLength(300);
        entity.Property(m => m.LastError).HasMaxLength(2000);
        entity.HasIndex(m => new { m.ProcessedAt, m.DeadLetteredAt, m.AvailableAt });
    }
}
