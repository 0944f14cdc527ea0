using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Platform.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock (in steps of a few milliseconds) when another connection holds it.
/// Without it Microsoft.Data.Sqlite retries a busy statement after a blocking 150 ms sleep, so any two writers
/// meeting (a request, the outbox, a job) cost at least 150 ms; the benchmark showed it on every write path.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>As long as a command may run (the 30 s command timeout).</summary>
    private const string Pragma = "PRAGMA busy_timeout = 30000";

    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
