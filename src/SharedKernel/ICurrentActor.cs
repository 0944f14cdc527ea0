namespace Governance.SharedKernel;

/// <summary>Who is acting, for the audit trail: a signed-in user, a resident, or the system.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    /// <summary>User name, "resident" or "system".</summary>
    string Name { get; }

    /// <summary>The remote address of the request, if any.</summary>
    string? Address { get; }

    bool IsInRole(string role);
}
