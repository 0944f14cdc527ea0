using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Governance.SharedKernel;

namespace Governance.Platform.Data;

/// <summary>
/// Applies each module's versioned SQL scripts (embedded as <c>migrations/{Sqlite|Postgres}/NNNN_name.sql</c>)
/// in order, each in its own transaction, recording them in <c>{prefix}_schema_migrations</c>. Safe to run
/// from several hosts at once. Tests prove the result equals the EF model on both providers.
/// </summary>
public sealed class SchemaMigrator(ModuleCatalog catalog, IServiceScopeFactory scopes, DatabaseOptions database,
    TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    /// <summary>Applies every pending script; <paramref name="upTo"/> stops after that version (tests).</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken, string? upTo = null)
    {
        var applied = 0;
        foreach (var module in catalog.Schemas)
        {
            applied += await MigrateAsync(module, upTo, cancellationToken);
        }

        return applied;
    }

    public static IReadOnlyList<(string Version, string Sql)> Scripts(Assembly assembly, DatabaseProvider provider)
    {
        var prefix = $"migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (Path.GetFileNameWithoutExtension(n[prefix.Length..]), reader.ReadToEnd());
            })
            .ToList();
    }

    private async Task<int> MigrateAsync(ModuleDatabase module, string? upTo, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
        var history = $"{module.TablePrefix}_schema_migrations";
        var postgres = database.Provider == DatabaseProvider.Postgres;

        await db.Database.OpenConnectionAsync(cancellationToken);
        var locked = false;
        try
        {
            var connection = db.Database.GetDbConnection();
            if (postgres)
            {
                // Session lock: hosts starting together migrate one after the other.
                await Execute(connection, null, "SELECT pg_advisory_lock(hashtext('governance_schema'))", cancellationToken);
                locked = true;
            }
            else
            {
                await Execute(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
            }

            await Execute(connection, null,
                $"CREATE TABLE IF NOT EXISTS {history} (version VARCHAR(150) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
                cancellationToken);

            var count = 0;
            foreach (var (version, sql) in Scripts(module.MigrationsAssembly, database.Provider))
            {
                if (upTo is not null && string.CompareOrdinal(version, upTo) > 0)
                {
                    break;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var done = await Scalar(connection, transaction,
                    $"SELECT COUNT(*) FROM {history} WHERE version = '{version.Replace("'", "''", StringComparison.Ordinal)}'",
                    cancellationToken);
                if (done > 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    continue;
                }

                logger.LogInformation("Applying {Module} migration {Version}", module.Name, version);
                await Execute(connection, transaction, PlatformTables.Expand(sql, module.TablePrefix, database.Provider), cancellationToken);
                await Execute(connection, transaction,
                    $"INSERT INTO {history} (version, applied_at) VALUES ('{version}', '{clock.GetUtcNow():O}')",
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                count++;
            }

            return count;
        }
        finally
        {
            if (locked)
            {
                // Also after a failed script: another host must not wait for the lock as long as this connection lives.
                await Execute(db.Database.GetDbConnection(), null, "SELECT pg_advisory_unlock(hashtext('governance_schema'))", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> Scalar(DbConnection connection, DbTransaction transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
