using System.ComponentModel;
using Hangfire;
using Hangfire.Common;

namespace Governance.Platform.Outbox;

/// <summary>
/// A dead-lettered outbox message on the jobs dashboard: created failed, with the delivery's last error, and delivered
/// when an administrator retries it. The message is claimed before delivery and marked delivered with it, so a retry
/// run twice, or on two hosts, sends it once.
/// </summary>
public sealed class DeliverOutboxMessageJob(OutboxDispatcher dispatcher)
{
    public static Job For(string module, Guid messageId)
        => Job.FromExpression<DeliverOutboxMessageJob>(j => j.RunAsync(module, messageId, CancellationToken.None));

    // No automatic retries: the outbox already retried for hours (Mail:MaxAttempts); a person retries it from here.
    [DisplayName("Deliver outbox message {1} ({0})")]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string module, Guid messageId, CancellationToken cancellationToken)
        => dispatcher.RedeliverAsync(module, messageId, cancellationToken);
}
