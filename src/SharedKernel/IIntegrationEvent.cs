namespace Governance.SharedKernel;

/// <summary>
/// A fact one module tells the others. Written to the module's outbox in the same transaction as the
/// change, dispatched after commit.
/// </summary>
public interface IIntegrationEvent;

/// <summary>Handles an integration event. Handlers must be idempotent: delivery is at least once.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
