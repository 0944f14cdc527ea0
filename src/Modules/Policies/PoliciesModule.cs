using Governance.Accounts.Contracts;
using Governance.Platform;
using Governance.Policies.Contracts;
using Governance.Policies.Data;
using Governance.Policies.Features.Acknowledgements;
using Governance.Policies.Features.Catalogue;
using Governance.Policies.Features.HouseRules;
using Governance.Policies.Features.ServiceLevels;
using Governance.Policies.Features.Setup;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Policies;

/// <summary>Policies: house rules (R2), the rule and article catalogues (R3, R10), service levels (R14), acknowledgements (R17).</summary>
public static class PoliciesModule
{
    public static IServiceCollection AddPoliciesModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<PoliciesDbContext>("Policies", PoliciesDbContext.Prefix);
        services.AddScoped<PolicyCatalog>();
        services.AddScoped<IPolicyCatalog>(sp => sp.GetRequiredService<PolicyCatalog>());
        services.AddScoped<IServiceCalendar>(sp => sp.GetRequiredService<PolicyCatalog>());
        services.AddScoped<HouseRulesService>();
        services.AddScoped<CatalogueService>();
        services.AddScoped<ServiceLevelService>();
        services.AddScoped<AcknowledgementService>();
        services.AddScoped<IIntegrationEventHandler<MunicipalityCreated>, SeedMunicipalityDefaults>();
        return services;
    }

    public static IEndpointRouteBuilder MapPoliciesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        CatalogueService.Map(endpoints);
        HouseRulesEndpoints.Map(endpoints);
        ServiceLevelService.Map(endpoints);
        AcknowledgementService.Map(endpoints);
        return endpoints;
    }
}
