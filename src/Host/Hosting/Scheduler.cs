using Governance.Platform;
using Governance.Platform.Data;
using Governance.Platform.Scheduling;
using Governance.Platform.Web;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace Governance.Host.Hosting;

/// <summary>
/// Hangfire: every scheduled job is a recurring job with a stable id, registered at start-up. Its storage is a SQLite
/// file in the data folder, or the installation's PostgreSQL database (schema <c>hangfire</c>), where every host's
/// server takes work from one queue. Jobs run at least once: each guards its own effects in the database.
/// </summary>
internal static class Scheduler
{
    public const string DashboardPath = "/jobs";

    /// <summary>Workers per host: the pollers may overlap a slow job (an SMTP server that is slow to answer).</summary>
    private const int Workers = 4;

    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration,
        DatabaseOptions database, StoragePaths paths)
    {
        var poll = configuration.GetValue("Scheduler:PollSeconds", 10);
        var checkin = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:ClusterCheckinSeconds", 10));
        // How often the scheduler looks for due recurring, delayed and retried jobs, and idle workers for queued ones:
        // as often as the pollers run, and at least as often as Hangfire's default.
        var every = TimeSpan.FromSeconds(Math.Min(poll, 15));

        // The outbox and the workflow timers are polled every few seconds: a seconds cron, which Hangfire's recurring
        // scheduler honours because it looks for due jobs at least as often (SchedulePollingInterval below).
        var pollers = Every(poll);
        services.AddRecurringJob<DispatchOutboxJob>(DispatchOutboxJob.Id, pollers);
        services.AddRecurringJob<FireWorkflowTimersJob>(FireWorkflowTimersJob.Id, pollers);

        // Hangfire keeps its defaults in statics; this host's storage, activator and filters are its own (tests run
        // several hosts in one process), registered before AddHangfire, which only adds what is missing.
        services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.Postgres
            ? PostgresStorage(database.ConnectionString, every, checkin)
            : new SQLiteStorage(paths.Resolve("hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = every }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(JobFilters.Create());
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogs(sp.GetRequiredService<ILoggerFactory>())));

        services.AddSingleton(new SchedulerIdentity(2 * checkin));
        services.AddHostedService<RecurringJobRegistration>(); // before the server, so it starts with every job in place
        services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = sp.GetRequiredService<SchedulerIdentity>().ServerName;
            o.WorkerCount = Workers;
            o.SchedulePollingInterval = every;
            // A host whose heartbeat is missing for two check-ins is taken for dead: its server entry is removed.
            o.HeartbeatInterval = checkin;
            o.ServerCheckInterval = checkin;
            o.ServerTimeout = sp.GetRequiredService<SchedulerIdentity>().ServerTimeout;
        });
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return services;
    }

    /// <summary>The dashboard, for administrators signed in with the page cookie.</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, JobsDashboard.Options(app.Services.GetRequiredService<JobStorage>()))
            .RequireAuthorization(StaffPolicies.Administrators);
        return app;
    }

    /// <summary>A six-field cron (seconds first) for "every so many seconds", which must divide a minute, an hour or a day.</summary>
    private static string Every(int seconds) => seconds switch
    {
        > 0 and < 60 when 60 % seconds == 0 => $"*/{seconds} * * * * *",
        > 0 when seconds % 3600 == 0 && 24 % (seconds / 3600) == 0 => $"0 0 */{seconds / 3600} * * *",
        > 0 and < 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => $"0 */{seconds / 60} * * * *",
        _ => throw new InvalidOperationException(
            $"Scheduler:PollSeconds must divide a minute (1, 2, 5, 10, 30 ...), an hour (60, 300 ...) or a day (3600 ...), not {seconds}."),
    };

    private static PostgreSqlStorage PostgresStorage(string connectionString, TimeSpan every, TimeSpan checkin)
    {
        var options = new PostgreSqlStorageOptions
        {
            QueuePollInterval = every,
            // A job held by a host that died runs again on another after two check-ins; a live host keeps its hold.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = 2 * checkin,
            // A lock (the recurring scheduler's, say) left by a host that died is given up as soon.
            DistributedLockTimeout = 2 * checkin,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
