using Governance.Complaints.Data;
using Governance.Complaints.Features;
using Governance.Complaints.Features.Appeals;
using Governance.Complaints.Features.CodeOfConduct;
using Governance.Complaints.Features.Protocol;
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
        services.AddScoped<ResendLink>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseQueue>();
        services.AddScoped<CaseDetails>();
        services.AddScoped<CaseWork>();
        services.AddScoped<ComplaintRequests>();
        services.AddScoped<StepRunner>();
        services.AddScoped<CaseMail>();
        services.AddScoped<PublicRegistry>();
        services.AddScoped<PublishReport>();
        services.AddScoped<ComplaintProtocols>();
        services.AddScoped<ElectionWindows>();
        services.AddScoped<ElectionPeriodWork>();
        services.AddRecurringJob<ApplyElectionPeriodJob>(ApplyElectionPeriodJob.Id, "0 * * * *"); // hourly
        // Every flow checks at build that each action has its typed step; a broken definition stops the host here.
        foreach (var flow in CaseFlows.All)
        {
            flow.Verify();
        }

        services.AddSingleton<IWorkflowDefinitionSource>(new WorkflowDefinitionSource(CaseFlows.All.Select(f => f.Definition).ToList()));
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        PublicEndpoints.Map(endpoints);
        ResendLink.Map(endpoints);
        CaseEndpoints.Map(endpoints);
        PublicRegistry.Map(endpoints);
        PublishReport.Map(endpoints);
        ComplaintProtocols.Map(endpoints);
        return endpoints;
    }
}
