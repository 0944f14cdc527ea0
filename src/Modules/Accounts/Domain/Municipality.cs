namespace Governance.Accounts.Domain;

/// <summary>One municipality served by this installation (several may share one Integrity Commissioner).</summary>
internal sealed class Municipality
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>URL name for public pages, e.g. "demo-township".</summary>
    public string Slug { get; set; } = "";

    /// <summary>IANA zone for deadlines and reminders, e.g. "America/Toronto".</summary>
    public string TimeZone { get; set; } = "America/Toronto";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>R5: prior violations by a user on an account in 12 months before a block needs no justification.</summary>
    public int PriorViolationsBeforeBlock { get; set; } = 2;
}
