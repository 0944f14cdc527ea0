using System.Diagnostics;
using Npgsql;

namespace Governance.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian package <c>postgresql</c>) on a free loopback port, deleted afterwards.
/// The same steps as tests/Testing/PostgresServer, but with PostgreSQL's default durability (fsync on): the
/// figures should be those of a real server, not of a test database.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asRoot = Environment.UserName == "root";

    private PostgresCluster(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string Version { get; private set; } = "";

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public static async Task<PostgresCluster> StartAsync(string workFolder)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault() ?? ""
            : "";
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql).");
        }

        var folder = Path.Combine(workFolder, "pg");
        Directory.CreateDirectory(folder);
        var cluster = new PostgresCluster(folder, bin, HostProcess.FreePort());
        if (cluster._asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            Run("chown", "postgres:postgres", folder);
        }

        cluster.Check(cluster.Pg("initdb", "-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8"), "initdb");
        cluster.Check(cluster.Pg("pg_ctl", "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "log"), "-w",
            "-o", $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200", "start"), "pg_ctl start");
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE DATABASE governance";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "SHOW server_version";
        cluster.Version = (string)(await command.ExecuteScalarAsync())!;
        return cluster;
    }

    public ValueTask DisposeAsync()
    {
        Pg("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "fast", "stop");
        return ValueTask.CompletedTask;
    }

    private (int ExitCode, string Output) Pg(string tool, params string[] args)
        => _asRoot
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : Run(Path.Combine(_bin, tool), args);

    private void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed: {result.Output}");
        }
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
