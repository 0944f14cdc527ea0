using System.Data.Common;
using Governance.Accounts;
using Governance.Elections;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;

namespace Governance.Host.Tests;

/// <summary>
/// One host for a whole test class (<c>IClassFixture&lt;SharedHost&gt;</c>), reset before each test: Respawn empties
/// every module table (the migration history and the scheduler's tables stay), the audit anchor and mail folder are
/// cleared, and Demo Township is seeded again. Starting a host costs seconds; a reset, a fraction of one.
/// </summary>
public class SharedHost : IAsyncLifetime
{
    private static readonly string[] Modules = ["accounts_", "complaints_", "elections_", "policies_"];
    private Respawner? _respawner;

    public GovernanceFactory App { get; private set; } = null!;

    /// <summary>How the class's host is made; a subclass may add a clock or settings.</summary>
    protected virtual GovernanceFactory Create() => new();

    public virtual async Task InitializeAsync()
    {
        App = Create();
        await using var connection = await OpenAsync();
        var tables = await ModuleTablesAsync(connection);
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = connection is NpgsqlConnection ? DbAdapter.Postgres : DbAdapter.Sqlite,
            TablesToInclude = [.. tables.Select(t => new Respawn.Graph.Table(t))],
        });
    }

    /// <summary>Puts the host back as it started: call from each test's InitializeAsync.</summary>
    public virtual async Task ResetAsync()
    {
        await using (var connection = await OpenAsync())
        {
            await _respawner!.ResetAsync(connection);
        }

        foreach (var folder in new[] { "mail-pickup", "evidence" }.Select(f => Path.Combine(App.DataFolder, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
                File.Delete(file);
            }
        }

        File.Delete(App.Services.GetRequiredService<AuditAnchor>().FilePath);
        await AccountsModule.EnsureRolesAsync(App.Services);
        await AccountsModule.SeedDemoAsync(App.Services, GovernanceFactory.Password, CancellationToken.None);
        await App.DispatchOutboxAsync();
        await ElectionsModule.SeedDemoAsync(App.Services, AccountsModule.DemoMunicipalityId, CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<DbConnection> OpenAsync()
    {
        var database = App.Services.GetRequiredService<DatabaseOptions>();
        DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> ModuleTablesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is NpgsqlConnection
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (Modules.Any(m => name.StartsWith(m, StringComparison.Ordinal)) && !name.EndsWith("_schema_migrations", StringComparison.Ordinal))
            {
                tables.Add(name);
            }
        }

        return tables;
    }
}

/// <summary>A shared host on a test clock, set back to <see cref="Start"/> at each reset.</summary>
public class SharedClockHost : SharedHost
{
    public Testing.FakeClock Clock { get; private set; } = null!;

    /// <summary>Where the clock starts (and is set back to); the FakeClock's own start by default.</summary>
    protected virtual DateTimeOffset Start => new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    protected override GovernanceFactory Create()
    {
        Clock = new Testing.FakeClock(Start);
        return new GovernanceFactory { Clock = Clock };
    }

    public override async Task ResetAsync()
    {
        Clock.Set(Start);
        await base.ResetAsync();
    }
}
