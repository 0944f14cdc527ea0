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
        // Jobs registered at start-up keep their stored schedule: overwriting it on every start made a
        // two-node cluster fire each job twice as often.
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        var recurring = RecurringJobs.Registered(services).ToList();
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
                    // A node that misses its check-ins for two intervals is taken for dead: the others release
                    // the jobs it held and run them.
                    var checkin = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:ClusterCheckinSeconds", 10));
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = checkin;
                        c.CheckinMisfireThreshold = 2 * checkin;
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.ProvisionSchema();
            });

            // A job that throws is retried 1 s, 2 s, 4 s later: within the polling interval.
            q.UseDefaultRetryPolicy(RetryPolicy.Exponential(3, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(4)));

            var every = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:PollSeconds", 10));
            q.ScheduleJob<DispatchOutboxJob>(t => t.WithIdentity("dispatch-outbox").StartNow()
                .WithSimpleSchedule(x => x.WithInterval(every).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.ScheduleJob<FireWorkflowTimersJob>(t => t.WithIdentity("fire-workflow-timers").StartNow()
                .WithSimpleSchedule(x => x.WithInterval(every).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            foreach (var job in recurring)
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Name).StoreDurably());
                q.AddTrigger(t => t.WithIdentity(job.Name).ForJob(job.Name).StartNow()
                    .WithSimpleSchedule(x => x.WithInterval(job.Every).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }

            q.AddQuartzHealthChecks(h => h.Tags.Add("ready"));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
