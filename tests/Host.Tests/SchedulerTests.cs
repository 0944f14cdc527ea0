using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>Fails on its first two runs, as a job meeting a brief outage would.</summary>
public sealed class FlakyJob
{
    public static int Runs;

    public void Run()
    {
        if (Interlocked.Increment(ref Runs) <= 2)
        {
            throw new InvalidOperationException("database busy");
        }
    }
}

[Trait("Category", "Slow")]
public sealed class SchedulerTests
{
    /// <summary>Every recurring job the host registers, with its schedule (PollSeconds is 2 in tests).</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["dispatch-outbox"] = "*/2 * * * * *",
        ["fire-workflow-timers"] = "*/2 * * * * *",
        ["send-audit-checkpoint"] = "0 6 * * *",
        ["send-block-review-reminders"] = "*/15 * * * *",
        ["apply-election-period"] = "0 * * * *",
        ["send-election-reminders"] = "*/15 * * * *",
    };

    internal static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    internal static List<RecurringJobDto> RecurringJobs(GovernanceFactory app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    /// <summary>Whether a run of the outbox job succeeded since <paramref name="since"/> (the last run may still be queued).</summary>
    private static bool RanSince(GovernanceFactory app, DateTime since)
        => app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededJobs(0, 500)
            .Any(j => j.Value.Job?.Type == typeof(Platform.Scheduling.DispatchOutboxJob) && j.Value.SucceededAt > since);

    [Fact]
    public async Task A_job_that_fails_is_retried_with_backoff_until_it_succeeds()
    {
        await using var app = new GovernanceFactory();
        await app.WaitUntilReadyAsync();
        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<FlakyJob>(j => j.Run());
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        Assert.True(await EventuallyAsync(() => Task.FromResult(monitoring.JobDetails(id).History[0].StateName == SucceededState.StateName)),
            $"FlakyJob ran {FlakyJob.Runs} times; states {string.Join(", ", monitoring.JobDetails(id).History.Select(h => h.StateName))}");
        Assert.Equal(3, Volatile.Read(ref FlakyJob.Runs));
        // Two failures, each retried later (Scheduled), not given up on.
        Assert.Equal(2, monitoring.JobDetails(id).History.Count(h => h.StateName == ScheduledState.StateName));
    }

    [Fact]
    public async Task Recurring_jobs_are_kept_once_with_their_schedule_across_a_restart_run_again_and_deliver_the_outbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-jobs-{Guid.NewGuid():N}");
        try
        {
            RecurringJobDto before;
            await using (var first = new GovernanceFactory(dataFolder: folder))
            {
                await first.WaitUntilReadyAsync();
                Assert.Equal(Expected, RecurringJobs(first).ToDictionary(j => j.Id, j => j.Cron));
                Assert.True(await EventuallyAsync(() => Task.FromResult(RanSince(first, DateTime.MinValue))), "the outbox job never ran");
                before = RecurringJobs(first).Single(j => j.Id == "dispatch-outbox");
            }

            var restartedAt = DateTime.UtcNow;
            await using var second = new GovernanceFactory(dataFolder: folder);
            await second.WaitUntilReadyAsync();
            // The same stored jobs, once each: registering again at start-up changed nothing, nor started them afresh.
            var restarted = RecurringJobs(second);
            Assert.Equal(Expected, restarted.ToDictionary(j => j.Id, j => j.Cron));
            var outbox = restarted.Single(j => j.Id == "dispatch-outbox");
            Assert.Equal(before.CreatedAt, outbox.CreatedAt);
            Assert.True(outbox.LastExecution >= before.LastExecution, $"history kept: before {before.LastExecution:O}, after {outbox.LastExecution:O}");
            // ... and it runs on the restarted host.
            Assert.True(await EventuallyAsync(() => Task.FromResult(RanSince(second, restartedAt))), "the outbox job did not run after the restart");

            // End to end: a password reset e-mail goes through the outbox and the scheduled job to the pickup folder.
            var reset = await second.CreateClient().PostAsJsonAsync("/api/auth/forgotPassword", new { email = "clerk@demo.test" });
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            var pickup = Path.Combine(folder, "mail-pickup");
            Assert.True(await EventuallyAsync(() => Task.FromResult(
                Directory.Exists(pickup) && Directory.GetFiles(pickup, "*.eml").Length == 1)), "the reset e-mail was delivered");
            var mail = await File.ReadAllTextAsync(Directory.GetFiles(pickup, "*.eml").Single());
            Assert.Contains("clerk@demo.test", mail, StringComparison.Ordinal);
            Assert.Contains("Reset your Governance password", mail, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Governance.Testing.TestFolders.TryDelete(folder);
        }
    }

    [Fact]
    public async Task Readiness_fails_when_this_hosts_scheduler_is_not_running()
    {
        await using var app = new GovernanceFactory();
        var (status, body) = await app.WaitUntilReadyAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("scheduler", body, StringComparison.Ordinal);

        // The host's server gone from the scheduler (as when its heartbeats stopped and another host removed it).
        var storage = app.Services.GetRequiredService<JobStorage>();
        var server = Assert.Single(storage.GetMonitoringApi().Servers());
        using (var connection = storage.GetConnection())
        {
            connection.RemoveServer(server.Name);
        }

        var ready = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("scheduler is not running", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
