using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Governance.Host.Tests;

/// <summary>Fails on its first two runs, as a job meeting a brief outage would.</summary>
public sealed class FlakyJob : IJob
{
    public static int Runs;

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        => Interlocked.Increment(ref Runs) <= 2 ? throw new InvalidOperationException("database busy") : ValueTask.CompletedTask;
}

[Trait("Category", "Slow")]
public sealed class SchedulerTests
{
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

    [Fact]
    public async Task A_job_that_fails_is_retried_with_backoff_until_it_succeeds()
    {
        await using var app = new GovernanceFactory();
        await app.WaitUntilReadyAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<FlakyJob>().WithIdentity("flaky-test").Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity("flaky-test").StartNow().Build());

        Assert.True(await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref FlakyJob.Runs) >= 3)),
            $"FlakyJob ran {FlakyJob.Runs} times");
    }

    [Fact]
    public async Task Scheduled_jobs_survive_a_restart_and_deliver_the_outbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-jobs-{Guid.NewGuid():N}");
        try
        {
            DateTimeOffset? firedBefore;
            await using (var first = new GovernanceFactory(dataFolder: folder))
            {
                await first.WaitUntilReadyAsync();
                var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
                Assert.True(await EventuallyAsync(async () =>
                    (await scheduler.GetTrigger(new TriggerKey("dispatch-outbox")))?.PreviousFireTimeUtc is not null));
                firedBefore = (await scheduler.GetTrigger(new TriggerKey("dispatch-outbox")))!.PreviousFireTimeUtc;
            }

            await using var second = new GovernanceFactory(dataFolder: folder);
            await second.WaitUntilReadyAsync();
            var restarted = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var trigger = await restarted.GetTrigger(new TriggerKey("dispatch-outbox"));
            Assert.NotNull(trigger);
            Assert.True(trigger.PreviousFireTimeUtc >= firedBefore,
                $"the stored trigger kept its history: before {firedBefore:O}, after restart {trigger.PreviousFireTimeUtc:O}");

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
}
