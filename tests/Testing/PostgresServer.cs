using Npgsql;
using Xunit;

namespace Governance.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster started by the test run (Debian package <c>postgresql</c>), on a free
/// loopback port, deleted afterwards. Fails loudly if PostgreSQL is not installed: the PostgreSQL lane is
/// part of every test run, not optional.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _folder = "";
    private string _bin = "";
    private int _port;

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed (apt-get install postgresql). test.sh installs it.");
        }

        _folder = Path.Combine(Path.GetTempPath(), $"governance-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _port = Processes.FreePort();
        // PostgreSQL refuses to run as root: run it as the postgres user when we are root.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Processes.Run("chown", "postgres:postgres", _folder);
        }

        Check(Pg(asRoot, "initdb", "-D", Path.Combine(_folder, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--no-sync"), "initdb");
        Check(Pg(asRoot, "pg_ctl", "-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w",
            "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"),
            "pg_ctl start");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
    }

    /// <summary>A new, empty database on this server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"g{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name}";
    }

    public Task DisposeAsync()
    {
        if (_folder.Length > 0)
        {
            Pg(Environment.UserName == "root", "pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }

        return Task.CompletedTask;
    }

    private (int ExitCode, string Output) Pg(bool asRoot, string tool, params string[] args)
        => asRoot
            ? Processes.Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : Processes.Run(Path.Combine(_bin, tool), args);

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed: {result.Output}");
        }
    }
}
