using Governance.Complaints.Data;
using Governance.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints;

public static class ComplaintsModule
{
    public static IServiceCollection AddComplaintsModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<ComplaintsDbContext>("Complaints", ComplaintsDbContext.Prefix, hostsWorkflows: true);
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintsEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
