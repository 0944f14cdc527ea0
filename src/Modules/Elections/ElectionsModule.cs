using Governance.Elections.Data;
using Governance.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Elections;

public static class ElectionsModule
{
    public static IServiceCollection AddElectionsModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<ElectionsDbContext>("Elections", ElectionsDbContext.Prefix);
        return services;
    }

    public static IEndpointRouteBuilder MapElectionsEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
