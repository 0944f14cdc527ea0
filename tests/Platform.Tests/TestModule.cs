using Governance.Platform;
using Governance.Platform.Data;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Tests;

/// <summary>A record owned by a municipality, to test the tenant filter.</summary>
public sealed class Widget : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>A module context like the real ones: platform tables, workflows and one owned entity.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options, ITenantScope tenant)
    : DbContext(options), IModuleDbContext
{
    public string TablePrefix => "test";

    public ITenantScope Tenant => tenant;

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().ToTable("test_widgets");
        modelBuilder.AddPlatformTables(TablePrefix, workflows: true);
        modelBuilder.FilterByMunicipality(this);
    }
}

/// <summary>An actor whose roles a test chooses.</summary>
public sealed class TestActor : ICurrentActor
{
    public HashSet<string> Roles { get; } = [];

    public Guid? UserId => null;

    public string Name { get; set; } = "tester";

    public string? Address => "127.0.0.1";

    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>The platform wired as the host wires it, on a fresh SQLite file, with a fake clock.</summary>
public sealed class PlatformFixture : IAsyncDisposable
{
    public FakeClock Clock { get; } = new();

    public TestActor Actor { get; } = new();

    public string Folder { get; }

    public ServiceProvider Services { get; }

    /// <summary>The jobs the platform created (a dead-lettered message becomes a failed delivery job).</summary>
    public RecordingJobClient Jobs { get; } = new();

    private readonly bool _ownsFolder;

    public PlatformFixture(Dictionary<string, string?>? settings = null, string? folder = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), $"governance-platform-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPlatform(configuration,
            new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Folder, "test.db")}"),
            new StoragePaths(Folder));
        services.AddScoped<ICurrentActor>(_ => Actor);
        services.AddSingleton<Hangfire.IBackgroundJobClient>(Jobs);
        services.AddModuleDatabase<TestDbContext>("Test", "test", hostsWorkflows: true);
        services.AddSingleton<IIntegrationEventHandler<WidgetRenamed>, RecordingHandler>();
        Services = services.BuildServiceProvider(validateScopes: true);
        using var scope = Scope();
        scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreated();
    }

    /// <summary>A unit of work that sees every municipality (as jobs do).</summary>
    public IServiceScope Scope(bool system = true)
    {
        var scope = Services.CreateScope();
        if (system)
        {
            scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        }

        return scope;
    }

    /// <summary>Another service provider over this one's folder and database, as a restarted host would be.</summary>
    public static PlatformFixture SharingFolderWith(PlatformFixture original) => new(folder: original.Folder);

    public async ValueTask DisposeServicesAsync() => await Services.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsFolder)
        {
            Governance.Testing.TestFolders.TryDelete(Folder);
        }
    }
}

/// <summary>The platform delivering by SMTP to its own aiosmtpd sink; <c>settings</c> add to or change the SMTP ones.</summary>
internal sealed class SmtpPlatform : IAsyncDisposable
{
    private SmtpPlatform(SmtpSink sink, PlatformFixture platform)
    {
        Sink = sink;
        Platform = platform;
    }

    public SmtpSink Sink { get; }

    public PlatformFixture Platform { get; }

    public static async Task<SmtpPlatform> StartAsync(Dictionary<string, string?> settings)
    {
        var sink = new SmtpSink();
        await sink.InitializeAsync();
        var all = new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = sink.Port.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new SmtpPlatform(sink, new PlatformFixture(all));
    }

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>Stands in for Hangfire's client: records the jobs created and the state each was created in.</summary>
public sealed class RecordingJobClient : Hangfire.IBackgroundJobClient
{
    public List<(Hangfire.Common.Job Job, Hangfire.States.IState State)> Created { get; } = [];

    public string Create(Hangfire.Common.Job job, Hangfire.States.IState state)
    {
        lock (Created)
        {
            Created.Add((job, state));
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => false;
}
