using System.Reflection;

namespace Governance.Platform;

/// <summary>One module's database: its DbContext type, table prefix, and where its SQL migrations are.</summary>
public sealed record ModuleDatabase(string Name, Type ContextType, string TablePrefix, Assembly MigrationsAssembly,
    bool HostsWorkflows);

/// <summary>The modules' databases, so migrations, the outbox dispatcher and the audit verifier visit each.</summary>
public sealed class ModuleCatalog
{
    private readonly List<ModuleDatabase> _databases = [];

    public IReadOnlyList<ModuleDatabase> Databases => _databases;

    public void Add(ModuleDatabase database) => _databases.Add(database);
}
