using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Bench;

/// <summary>
/// Bulk inserts rows into the migrated schema, the fastest way each database offers: one prepared INSERT reused
/// inside a transaction on SQLite, binary COPY on PostgreSQL. Values are CLR values; each writer stores them as
/// the host's EF model does (SQLite: GUIDs as upper-case text, DateTimeOffset as UTC ticks, DateOnly as text).
/// </summary>
internal abstract class TableWriter : IAsyncDisposable
{
    public abstract DbConnection Connection { get; }

    public static async Task<TableWriter> OpenAsync(Provider provider, string connectionString)
    {
        if (provider == Provider.Sqlite)
        {
            var sqlite = new SqliteConnection(connectionString);
            await sqlite.OpenAsync();
            return new SqliteTableWriter(sqlite);
        }

        var npgsql = new NpgsqlConnection(connectionString);
        await npgsql.OpenAsync();
        return new PostgresTableWriter(npgsql);
    }

    /// <summary>Writes rows into a table; each row has one value per column, in order.</summary>
    public abstract Task WriteAsync(string table, string[] columns, IReadOnlyList<object?[]> rows);

    /// <summary>Runs one statement; values are bound as @p0, @p1... the same way rows are.</summary>
    public async Task<int> ExecuteAsync(string sql, params object?[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<List<object?[]>> QueryAsync(string sql, params object?[] values)
    {
        await using var command = Command(sql, values);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public abstract Task BeginAsync();

    public abstract Task CommitAsync();

    public abstract object? ToDb(object? value);

    public abstract ValueTask DisposeAsync();

    /// <summary>Reads a GUID column whichever way the provider returns it.</summary>
    public static Guid ReadGuid(object? value) => value switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        _ => throw new InvalidOperationException($"Not a GUID: {value}"),
    };

    protected abstract DbCommand Command(string sql, object?[] values);

    private sealed class SqliteTableWriter(SqliteConnection connection) : TableWriter
    {
        private SqliteTransaction? _transaction;

        public override DbConnection Connection => connection;

        public override async Task WriteAsync(string table, string[] columns, IReadOnlyList<object?[]> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = ToDb(row[i]) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync();
            }
        }

        public override async Task BeginAsync() => _transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        public override async Task CommitAsync()
        {
            await _transaction!.CommitAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        public override object? ToDb(object? value) => value switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateTimeOffset d => d.UtcTicks,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? 1 : 0,
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
            _ => value,
        };

        protected override DbCommand Command(string sql, object?[] values)
        {
            var command = connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql.Replace("@p", "$p", StringComparison.Ordinal);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue($"$p{i}", ToDb(values[i]) ?? DBNull.Value);
            }

            return command;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
    }

    private sealed class PostgresTableWriter(NpgsqlConnection connection) : TableWriter
    {
        private NpgsqlTransaction? _transaction;

        public override DbConnection Connection => connection;

        public override async Task WriteAsync(string table, string[] columns, IReadOnlyList<object?[]> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }

            await using var import = await connection.BeginBinaryImportAsync(
                $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await import.StartRowAsync();
                foreach (var value in row)
                {
                    if (ToDb(value) is { } v)
                    {
                        await import.WriteAsync(v);
                    }
                    else
                    {
                        await import.WriteNullAsync();
                    }
                }
            }

            await import.CompleteAsync();
        }

        public override async Task BeginAsync() => _transaction = await connection.BeginTransactionAsync();

        public override async Task CommitAsync()
        {
            await _transaction!.CommitAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        public override object? ToDb(object? value) => value switch
        {
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToUniversalTime(),
            _ => value,
        };

        protected override DbCommand Command(string sql, object?[] values)
        {
            var command = connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue($"p{i}", ToDb(values[i]) ?? DBNull.Value);
            }

            return command;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
