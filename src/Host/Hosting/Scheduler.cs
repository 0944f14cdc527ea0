using Governance.Platform.Data;
using Governance.Platform.Scheduling;
using Quartz;

namespace Governance.Host.Hosting;

/// <summary>
/// Quartz with its persistent store in the installation's database, so jobs survive restarts; clustered on
/// PostgreSQL so several hosts share the work and each firing runs once.
/// </summary>
internal static class Scheduler
{
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration,
        DatabaseOptions database)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "Governance";
                s.GenerateInstanceId = true; // each host its own id, for clustering
            });
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.ProvisionSchema();
            });

            var every = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:PollSeconds", 10));
            q.ScheduleJob<DispatchOutboxJob>(t => t.WithIdentity("dispatch-outbox").WithSimpleSchedule(every));
            q.ScheduleJob<FireWorkflowTimersJob>(t => t.WithIdentity("fire-workflow-timers").WithSimpleSchedule(every));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
