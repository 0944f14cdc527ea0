using Governance.Platform.Outbox;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Scheduling;

/// <summary>Delivers the outbox: e-mails and integration events. Each message is claimed first, so runs may overlap.</summary>
public sealed class DispatchOutboxJob(OutboxDispatcher dispatcher) : IScheduledJob
{
    public const string Id = "dispatch-outbox";

    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchAsync(cancellationToken);
}

/// <summary>
/// Fires due workflow timers (reminders, escalations) in every module that runs workflows. A timer is a bookmark
/// consumed in the same transaction as its step, under the instance's concurrency token, so runs may overlap.
/// </summary>
public sealed class FireWorkflowTimersJob(ModuleCatalog catalog, IServiceScopeFactory scopes) : IScheduledJob
{
    public const string Id = "fire-workflow-timers";

    public async Task RunAsync(CancellationToken cancellationToken)
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
