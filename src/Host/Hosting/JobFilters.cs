using Governance.Platform.Scheduling;
using Hangfire;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.States;
using Hangfire.Storage;

namespace Governance.Host.Hosting;

/// <summary>This host's Hangfire filters: retries, and short-lived records of the pollers' runs.</summary>
internal static class JobFilters
{
    public static IJobFilterProvider Create()
    {
        var global = new JobFilterCollection
        {
            // A job that throws is retried 1 s, 2 s and 4 s later, then shows as failed on the dashboard.
            new AutomaticRetryAttribute { Attempts = 3, DelaysInSeconds = [1, 2, 4] },
            new ShortLivedPollerRuns(),
        };
        return new JobFilterProviderCollection(global, new JobFilterAttributeFilterProvider());
    }

    /// <summary>
    /// The outbox and timer pollers run every few seconds: their successful runs are kept an hour, not Hangfire's day,
    /// so the dashboard and the storage are not filled with them. Their failures stay until dealt with.
    /// </summary>
    private sealed class ShortLivedPollerRuns : IApplyStateFilter
    {
        private static readonly TimeSpan Keep = TimeSpan.FromHours(1);

        public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
            if (context.NewState is SucceededState
                && context.BackgroundJob.Job?.Type is { } type && (type == typeof(DispatchOutboxJob) || type == typeof(FireWorkflowTimersJob)))
            {
                context.JobExpirationTimeout = Keep;
            }
        }

        public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
        }
    }
}

/// <summary>
/// Hangfire's logs through the host's logging. Hangfire keeps one log provider per process: when several hosts share a
/// process (tests), a host that stopped must not break the others' logging.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Hangfire.AspNetCore.AspNetCoreLogProvider(factory).GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
