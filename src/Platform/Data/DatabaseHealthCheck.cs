using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Governance.Platform.Data;

/// <summary>Ready only if the database answers a query.</summary>
public sealed class DatabaseHealthCheck(DatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Postgres
                ? new NpgsqlConnection(database.ConnectionString)
                : new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Provider} answers.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} does not answer.", ex);
        }
    }
}
