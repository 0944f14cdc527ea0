namespace Governance.SharedKernel;

/// <summary>
/// Which municipalities the current unit of work may see. Empty by default (sees nothing): an HTTP request
/// gets the caller's assignments, a public form gets the one municipality it names, a job runs as system.
/// </summary>
public interface ITenantScope
{
    bool IsSystem { get; }

    IReadOnlyCollection<Guid> MunicipalityIds { get; }

    bool Allows(Guid municipalityId);

    /// <summary>Restricts this scope to exactly one municipality (public forms).</summary>
    void Restrict(Guid municipalityId);

    /// <summary>Lets this scope see every municipality (jobs, migrations, seeding).</summary>
    void RunAsSystem();
}
