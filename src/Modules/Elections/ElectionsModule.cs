using Governance.Elections.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Features;
using Governance.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Elections;

/// <summary>Elections: the R12 calendar and complaint blackout (and, with its issue, campaign plans and scrubbing).</summary>
public static class ElectionsModule
{
    public static IServiceCollection AddElectionsModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<ElectionsDbContext>("Elections", ElectionsDbContext.Prefix);
        services.AddScoped<IElectionCalendar, ElectionCalendarService>();
        services.AddScoped<ElectionCalendarQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapElectionsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ElectionCalendarQueries.Map(endpoints);
        return endpoints;
    }
}
