using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Scheduling;

/// <summary>
/// Work the host's scheduler runs on a schedule. It runs at least once per firing (a retry, a second host, a manual
/// trigger may run it again), so it must be idempotent: guard each effect with a unique key or a claim in the database.
/// </summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A job a module asks the host's scheduler to run on <see cref="Cron"/> (UTC), under a stable <see cref="Id"/>.</summary>
public sealed record RecurringJob(Type JobType, string Id, string Cron);

public static class RecurringJobs
{
    /// <summary>Registers a module's recurring job; the host schedules every registration it finds, once, at start-up.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron)
        where TJob : class, IScheduledJob
        => services.AddSingleton(new RecurringJob(typeof(TJob), id, cron));

    public static IEnumerable<RecurringJob> Registered(IServiceCollection services)
        => services.Where(d => d.ServiceType == typeof(RecurringJob)).Select(d => (RecurringJob)d.ImplementationInstance!);
}
