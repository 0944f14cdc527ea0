namespace Governance.Platform.Outbox;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How long a dispatcher holds a message it is delivering. Longer than one delivery can take (the SMTP
    /// client gives up after 100 s); after it, a host that died mid-delivery leaves the message to the others.
    /// </summary>
    public int ClaimSeconds { get; set; } = 300;
}
