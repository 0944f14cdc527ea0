using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Host.Hosting;

/// <summary>This host's Hangfire server name, by which the health check finds its heartbeat, and how old that may be.</summary>
internal sealed class SchedulerIdentity(TimeSpan serverTimeout)
{
    public string ServerName { get; } =
        $"governance-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    public TimeSpan ServerTimeout => serverTimeout;
}

/// <summary>Ready only while this host's scheduler runs: its Hangfire server is registered and its heartbeat is recent.</summary>
internal sealed class SchedulerHealthCheck(JobStorage storage, SchedulerIdentity identity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var server = storage.GetMonitoringApi().Servers()
                .FirstOrDefault(s => s.Name.StartsWith(identity.ServerName + ":", StringComparison.Ordinal));
            if (server is null)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("This host's scheduler is not running."));
            }

            // Hangfire stamps heartbeats with the real clock (the database's, on PostgreSQL), not the app's TimeProvider.
            var silent = DateTime.UtcNow - (server.Heartbeat ?? server.StartedAt);
            return Task.FromResult(silent <= identity.ServerTimeout
                ? HealthCheckResult.Healthy($"Scheduler {server.Name} running, {server.WorkersCount} workers.")
                : HealthCheckResult.Unhealthy($"No heartbeat from this host's scheduler for {silent.TotalSeconds:0} s."));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The scheduler's storage does not answer.", ex));
        }
    }
}
