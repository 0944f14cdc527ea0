using Governance.Elections.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Features;
using Governance.Elections.Features.Campaigns;
using Governance.Elections.Features.Dashboard;
using Governance.Elections.Jobs;
using Governance.Platform;
using Governance.Platform.Scheduling;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Elections;

/// <summary>Elections: the R12 calendar, candidates, campaign plans, the R11 checklist and its reminders.</summary>
public static class ElectionsModule
{
    public static IServiceCollection AddElectionsModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<ElectionsDbContext>("Elections", ElectionsDbContext.Prefix);
        services.AddScoped<IElectionCalendar, ElectionCalendarService>();
        services.AddScoped<ElectionCalendarQueries>();
        services.AddScoped<CampaignService>();
        services.AddScoped<ClerkDashboard>();
        services.AddScoped<ElectionReminders>();
        services.AddSingleton<CalendarFeed>();
        services.AddScoped<Demo.DemoSeeder>();
        services.AddRecurringJob<SendElectionRemindersJob>(SendElectionRemindersJob.Id, "*/15 * * * *");
        return services;
    }

    /// <summary>Development only: tracks the next election in the demo municipality, with its members as candidates.</summary>
    public static async Task SeedDemoAsync(IServiceProvider services, Guid municipalityId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SharedKernel.ITenantScope>().RunAsSystem();
        await scope.ServiceProvider.GetRequiredService<Demo.DemoSeeder>().SeedAsync(municipalityId, cancellationToken);
    }

    public static IEndpointRouteBuilder MapElectionsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ElectionCalendarQueries.Map(endpoints);
        CampaignEndpoints.Map(endpoints);
        return endpoints;
    }
}
