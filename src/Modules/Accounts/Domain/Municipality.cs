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

    /// <summary>Administrators and the IC's team must use two-step sign-in (an authenticator app) here.</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>The roles <see cref="RequireTwoFactor"/> applies to: those who see confidential files or manage staff.</summary>
    public static readonly string[] TwoFactorRoles =
        [SharedKernel.StaffRoles.Administrator, SharedKernel.StaffRoles.IntegrityCommissioner, SharedKernel.StaffRoles.Investigator];
}
