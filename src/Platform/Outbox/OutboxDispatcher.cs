using System.Text.Json;
using Governance.Platform.Mail;
using Governance.SharedKernel;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Platform.Outbox;

/// <summary>
/// Delivers outbox messages after their transaction committed: mail through <see cref="MailTransport"/>,
/// integration events to their handlers. Failures back off and are dead-lettered after
/// <see cref="MailOptions.MaxAttempts"/>; each message is marked done as soon as it is delivered, so a
/// restart sends nothing twice. Hosts sharing a database claim messages before delivering them; a claim
/// left by a host that died lapses after <see cref="OutboxOptions.ClaimSeconds"/>. A dead-lettered message
/// becomes a failed <see cref="DeliverOutboxMessageJob"/> on the jobs dashboard, where retrying it delivers it.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    ModuleCatalog modules,
    MailTransport transport,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<MailOptions> mailOptions,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;

    private TimeSpan ClaimDuration => TimeSpan.FromSeconds(outboxOptions.Value.ClaimSeconds);

    /// <summary>Processes what is due now in every module. Returns how many messages were delivered.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var module in modules.Databases)
        {
            delivered += await DispatchAsync(module, cancellationToken);
        }

        return delivered;
    }

    private async Task<int> DispatchAsync(ModuleDatabase module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);

        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        var claimedUntil = now + ClaimDuration;
        var due = db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null
            && m.AvailableAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));
        var batch = due.OrderBy(m => m.AvailableAt).Take(BatchSize).Select(m => m.Id);
        // The due conditions are repeated on the outer rows, so a concurrent claimer re-checks them.
        var claimed = await due.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimId, claim)
            .SetProperty(m => m.ClaimedUntil, claimedUntil), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var messages = await db.Set<OutboxMessage>().Where(m => m.ClaimId == claim)
            .OrderBy(m => m.AvailableAt).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var message in messages)
        {
            // The batch's claim runs from when it was taken; renew it for this message, so a long batch never
            // delivers a message whose claim lapsed and which another host may have taken meanwhile.
            var renewedUntil = clock.GetUtcNow() + ClaimDuration;
            var renewed = await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ClaimId == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, renewedUntil), cancellationToken);
            if (renewed == 0)
            {
                db.Entry(message).State = EntityState.Detached;
                continue;
            }

            var failure = await TryDeliverAsync(message, cancellationToken);
            if (failure is null)
            {
                delivered++;
            }
            else
            {
                Fail(module, message, failure);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return delivered;
    }

    /// <summary>
    /// Delivers one message now, dead-lettered or not (the dashboard's retry of a failed delivery); throws when delivery
    /// fails, so the job stays failed and shows why. A message already delivered, by this or another run, is left alone.
    /// </summary>
    public async Task RedeliverAsync(string moduleName, Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var module = modules.Databases.Single(m => m.Name == moduleName);
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == messageId && m.ProcessedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimId, claim).SetProperty(m => m.ClaimedUntil, now + ClaimDuration),
                cancellationToken);
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == messageId, cancellationToken);
        if (claimed == 0)
        {
            if (message.ProcessedAt is not null)
            {
                logger.LogInformation("Outbox message {Id} was already delivered at {At}", messageId, message.ProcessedAt);
                return;
            }

            throw new InvalidOperationException($"Outbox message {messageId} is being delivered by another run until {message.ClaimedUntil:O}.");
        }

        var failure = await TryDeliverAsync(message, cancellationToken);
        if (failure is not null)
        {
            message.Attempts++;
            message.LastError = Truncate(failure.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (failure is not null)
        {
            throw new InvalidOperationException($"Outbox message {messageId} was not delivered: {failure.Message}", failure);
        }
    }

    /// <summary>Delivers a claimed message and releases the claim; returns the failure, if any (not yet saved).</summary>
    private async Task<Exception?> TryDeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await DeliverAsync(message, cancellationToken);
            ClearSensitive(message);
            message.ProcessedAt = clock.GetUtcNow();
            message.DeadLetteredAt = null;
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
        }

        message.ClaimId = null;
        message.ClaimedUntil = null;
        return failure;
    }

    private void Fail(ModuleDatabase module, OutboxMessage message, Exception ex)
    {
        var now = clock.GetUtcNow();
        message.Attempts++;
        message.LastError = Truncate(ex.Message);
        if (message.Attempts >= mailOptions.Value.MaxAttempts)
        {
            message.DeadLetteredAt = now;
            // Created failed, with the last error: visible on the dashboard at once, and its retry delivers the message.
            // Should the host stop before the dead-letter mark is saved, the message is retried and dead-lettered again.
            var job = jobs.Create(DeliverOutboxMessageJob.For(module.Name, message.Id), new FailedState(ex));
            logger.LogError(ex, "Outbox message {Id} ({Type}) dead-lettered after {Attempts} attempts; job {Job} retries it",
                message.Id, message.Type, message.Attempts, job);
        }
        else
        {
            message.AvailableAt = now + Backoff(message.Attempts);
            logger.LogWarning(ex, "Outbox message {Id} ({Type}) failed, attempt {Attempts}; retrying at {At}",
                message.Id, message.Type, message.Attempts, message.AvailableAt);
        }
    }

    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;

    /// <summary>A delivered tracking link or reset code has no business staying in the database.</summary>
    private static void ClearSensitive(OutboxMessage message)
    {
        if (message.Kind == OutboxKind.Mail && ReadMail(message) is { Sensitive: true } mail)
        {
            message.Payload = JsonSerializer.Serialize(mail.Cleared(), Outbox.Json);
        }
    }

    private static OutgoingMail ReadMail(OutboxMessage message)
        => JsonSerializer.Deserialize<OutgoingMail>(message.Payload, Outbox.Json)
            ?? throw new InvalidOperationException("Empty mail payload.");

    /// <summary>30 s, 1 min, 2 min, ... capped at one hour.</summary>
    internal static TimeSpan Backoff(int attempts)
        => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == OutboxKind.Mail)
        {
            await transport.SendAsync(message.Id, ReadMail(message), cancellationToken);
            return;
        }

        var type = Type.GetType(message.Type, throwOnError: true)!;
        var integrationEvent = JsonSerializer.Deserialize(message.Payload, type, Outbox.Json)
            ?? throw new InvalidOperationException("Empty event payload.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(type);
        foreach (var handler in scope.ServiceProvider.GetServices(handlerType))
        {
            var handle = handlerType.GetMethod(nameof(IIntegrationEventHandler<IIntegrationEvent>.HandleAsync))!;
            await (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;
        }
    }
}
