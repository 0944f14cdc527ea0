using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Accounts.Contracts;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Data;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Host.Tests;

/// <summary>
/// The real host on a real database: SQLite in a fresh data folder by default, or a PostgreSQL database.
/// Development environment, so Demo Township and its users are seeded with <see cref="Password"/>.
/// </summary>
public sealed class GovernanceFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, string? connectionString = null,
    string? dataFolder = null) : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026!";

    /// <summary>A clock the test moves, instead of the system clock.</summary>
    public Testing.FakeClock? Clock { get; init; }

    /// <summary>Public form submissions allowed per address per hour; tests share one address.</summary>
    public int RateLimit { get; init; } = 10_000;

    /// <summary>Also receives the host's logs (to show the exception behind a 500).</summary>
    public ILoggerProvider? LogSink { get; init; }

    /// <summary>How often the scheduler delivers mail and fires timers; long, to read a mail before delivery clears it.</summary>
    public int PollSeconds { get; init; } = 2;

    /// <summary>App:PublicBaseUrl; null lets links follow the request, as Development allows (a Kestrel port chosen at start).</summary>
    public string? PublicBaseUrl { get; init; } = "http://localhost";

    public string DataFolder { get; } = dataFolder ?? Path.Combine(Path.GetTempPath(), $"governance-host-{Guid.NewGuid():N}");

    /// <summary>More configuration, applied last (e.g. Mail:* for a test with an SMTP server).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Governance", connectionString ?? "");
        builder.UseSetting("Scheduler:PollSeconds", PollSeconds.ToString());
        builder.UseSetting("RateLimits:PublicFormsPerHour", RateLimit.ToString());
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl ?? "");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (LogSink is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(LogSink));
        }

        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        // Tests sign in hundreds of times: a cheaper password hash (production keeps Identity's 100,000 iterations).
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    /// <summary>
    /// Polls /health/ready as a load balancer would: the scheduler joins (or, on PostgreSQL, clusters) a moment
    /// after the host starts serving, and readiness says so until then.
    /// </summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body)> WaitUntilReadyAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(250);
        }
    }

    public async Task<HttpClient> ClientForAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"{email} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A second municipality with one clerk, to prove staff of one never see the other's records.</summary>
    public async Task<(Guid MunicipalityId, string ClerkEmail)> AddOtherMunicipalityAsync(string slug = "other-town")
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var id = Guid.NewGuid();
        db.Municipalities.Add(new Municipality { Id = id, Name = "Other Town", Slug = slug, CreatedAt = DateTimeOffset.UtcNow });
        scope.ServiceProvider.GetRequiredService<Platform.Outbox.Outbox>().Publish(db, new MunicipalityCreated(id, "Other Town"), id);
        await db.SaveChangesAsync();
        var email = $"clerk@{slug}.test";
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Other Clerk", EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, StaffRoles.Clerk);
        db.Assignments.Add(new StaffAssignment { UserId = user.Id, MunicipalityId = id });
        await db.SaveChangesAsync();
        await DispatchOutboxAsync();
        return (id, email);
    }

    /// <summary>Runs the outbox now instead of waiting for the scheduler.</summary>
    public Task<int> DispatchOutboxAsync()
        => Services.GetRequiredService<Platform.Outbox.OutboxDispatcher>().DispatchAsync(CancellationToken.None);

    /// <summary>Today in Demo Township (America/Toronto).</summary>
    public static DateOnly TodayInToronto() => TodayInToronto(DateTimeOffset.UtcNow);

    public static DateOnly TodayInToronto(DateTimeOffset now)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("America/Toronto")).DateTime);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (dataFolder is null && Directory.Exists(DataFolder))
        {
            Governance.Testing.TestFolders.TryDelete(DataFolder);
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
