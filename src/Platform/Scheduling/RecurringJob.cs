using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Governance.Platform.Scheduling;

/// <summary>A job a module asks the host's scheduler to run every <see cref="Every"/>.</summary>
public sealed record RecurringJob(Type JobType, string Name, TimeSpan Every);

public static class RecurringJobs
{
    /// <summary>Registers a module's recurring job; the host schedules every registration it finds.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan every)
        where TJob : class, IJob
        => services.AddSingleton(new RecurringJob(typeof(TJob), name, every));

    public static IEnumerable<RecurringJob> Registered(IServiceCollection services)
        => services.Where(d => d.ServiceType == typeof(RecurringJob)).Select(d => (RecurringJob)d.ImplementationInstance!);
}
