using Governance.Policies.Data;
using Governance.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Policies;

public static class PoliciesModule
{
    public static IServiceCollection AddPoliciesModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<PoliciesDbContext>("Policies", PoliciesDbContext.Prefix);
        return services;
    }

    public static IEndpointRouteBuilder MapPoliciesEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
