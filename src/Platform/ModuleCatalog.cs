using System.Reflection;

namespace Governance.Platform;

/// <summary>One module's database: its DbContext type, table prefix, and where its SQL migrations are.</summary>
public sealed record ModuleDatabase(string Name, Type ContextType, string TablePrefix, Assembly MigrationsAssembly,
    bool HostsWorkflows);

/// <summary>The modules' databases, so migrations, the outbox dispatcher and the audit verifier visit each.</summary>
public sealed class ModuleCatalog
{
    private readonly List<ModuleDatabase> _databases = [];
    private readonly List<ModuleDatabase> _platform = [];

    /// <summary>The modules' contexts: each has its audit trail and outbox.</summary>
    public IReadOnlyList<ModuleDatabase> Databases => _databases;

    /// <summary>
    /// Every context whose tables the migrations create, backups copy and <c>--print-schema</c> prints: the platform's
    /// own (the data-protection key ring, no audit trail or outbox) and the modules'.
    /// </summary>
    public IReadOnlyList<ModuleDatabase> Schemas => [.. _platform, .. _databases];

    public void Add(ModuleDatabase database) => _databases.Add(database);

    internal void AddPlatform(ModuleDatabase database) => _platform.Add(database);
}
