using Npgsql;

namespace Governance.Platform.Data;

/// <summary>
/// Hosts starting together on one PostgreSQL database prepare it one at a time (migrations, roles, demo data):
/// a session advisory lock, released when the preparation ends or the host dies. SQLite has one host.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private const string Key = "hashtext('governance_startup')";

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new StartupLock(null);
        }

        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
        command.CommandTimeout = 0; // wait as long as the other host's migrations take
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        // Unlocked explicitly: a pooled connection outlives Close, and its session lock with it.
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
