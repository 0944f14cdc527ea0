using Governance.SharedKernel;

namespace Governance.Platform.Tenancy;

/// <summary>Scoped: one per request or job run. Sees nothing until it is granted municipalities.</summary>
public sealed class TenantScope : ITenantScope
{
    private readonly HashSet<Guid> _municipalities = [];

    public bool IsSystem { get; private set; }

    public IReadOnlyCollection<Guid> MunicipalityIds => _municipalities;

    public bool Allows(Guid municipalityId) => IsSystem || _municipalities.Contains(municipalityId);

    public void Grant(IEnumerable<Guid> municipalityIds) => _municipalities.UnionWith(municipalityIds);

    public void Restrict(Guid municipalityId)
    {
        IsSystem = false;
        _municipalities.Clear();
        _municipalities.Add(municipalityId);
    }

    public void RunAsSystem() => IsSystem = true;
}
