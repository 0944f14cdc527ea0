using Governance.Complaints.Data;
using Governance.Complaints.Features;
using Governance.Complaints.Features.Appeals;
using Governance.Complaints.Features.CodeOfConduct;
using Governance.Complaints.Features.Registry;
using Governance.Complaints.Features.Staff;
using Governance.Complaints.Features.Tracking;
using Governance.Complaints.Workflows;
using Governance.Complaints.Jobs;
using Governance.Platform;
using Governance.Platform.Scheduling;
using Governance.Platform.Workflows;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints;

/// <summary>Complaints: residents' appeals (R8, R9) and Code of Conduct complaints (R10, R16), on durable workflows.</summary>
public static class ComplaintsModule
{
    public static IServiceCollection AddComplaintsModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<ComplaintsDbContext>("Complaints", ComplaintsDbContext.Prefix, hostsWorkflows: true);
        services.AddScoped<CaseFiling>();
        services.AddScoped<FileAppeal>();
        services.AddScoped<FileComplaint>();
        services.AddScoped<TrackCase>();
        services.AddScoped<CaseWork>();
        services.AddScoped<PublicRegistry>();
        services.AddScoped<PublishReport>();
        services.AddScoped<ElectionBlackout>();
        services.AddRecurringJob<ApplyElectionBlackoutJob>(ApplyElectionBlackoutJob.Id, "0 * * * *"); // hourly
        services.AddSingleton<IWorkflowDefinitionSource>(new WorkflowDefinitionSource([AppealWorkflow.V1, ComplaintWorkflow.V1]));
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        PublicEndpoints.Map(endpoints);
        CaseEndpoints.Map(endpoints);
        PublicRegistry.Map(endpoints);
        PublishReport.Map(endpoints);
        return endpoints;
    }
}
