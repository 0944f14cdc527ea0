using Governance.Platform.Outbox;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Governance.Platform.Scheduling;

/// <summary>Delivers the outbox: e-mails and integration events.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchOutboxJob(OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await dispatcher.DispatchAsync(cancellationToken);
}

/// <summary>Fires due workflow timers (reminders, escalations) in every module that runs workflows.</summary>
[DisallowConcurrentExecution]
public sealed class FireWorkflowTimersJob(ModuleCatalog catalog, IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Databases.Where(m => m.HostsWorkflows))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync(db, cancellationToken);
        }
    }
}
