using Governance.Platform.Scheduling;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace Governance.Host.Hosting;

/// <summary>
/// At start-up, puts every registered recurring job in the scheduler under its id. A job already stored keeps its
/// history and next run (AddOrUpdate changes only what differs), so hosts starting together, or restarting, neither
/// duplicate a job nor fire it early; a stored job no longer registered (renamed or removed) is removed.
/// </summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager manager, JobStorage storage, IEnumerable<Platform.Scheduling.RecurringJob> jobs,
    ILogger<RecurringJobRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var registered = jobs.ToList();
        foreach (var job in registered)
        {
            var run = new Job(job.JobType, job.JobType.GetMethod(nameof(IScheduledJob.RunAsync))!, CancellationToken.None);
            manager.AddOrUpdate(job.Id, run, job.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(s => registered.TrueForAll(j => j.Id != s.Id)))
        {
            manager.RemoveIfExists(stale.Id);
            logger.LogInformation("Removed recurring job {Id}: no module registers it any more", stale.Id);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
