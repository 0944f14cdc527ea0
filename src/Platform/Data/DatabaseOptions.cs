using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the installation uses: <c>Database:Provider</c> and <c>ConnectionStrings:Governance</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public void Configure(DbContextOptionsBuilder options)
    {
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {Provider}."),
        };

        // Schema changes are versioned SQL scripts run by SchemaMigrator, not EF migrations.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
