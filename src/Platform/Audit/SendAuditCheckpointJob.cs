using System.Globalization;
using System.Text;
using Governance.Platform.Mail;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Platform.Audit;

/// <summary>
/// Daily: e-mails the signed anchor of every chain to <see cref="AuditOptions.CheckpointRecipients"/>, when a head moved
/// since the last one. A copy held outside the installation shows a later rewrite or cut-off, even one that also
/// replaced the anchor file. Run twice, it sends nothing new: the anchor records which heads were mailed (a run cut
/// short between queueing the e-mail and recording it would mail the same signed heads again, which harms nothing).
/// </summary>
public sealed class SendAuditCheckpointJob(AuditAnchor anchor, IOptions<AuditOptions> options, ModuleCatalog catalog,
    IServiceScopeFactory scopes, Outbox.Outbox outbox) : Scheduling.IScheduledJob
{
    public const string Id = "send-audit-checkpoint";

    public Task RunAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

    /// <summary>Queues the checkpoint e-mails; false when there was nothing new to send or no one to send it to.</summary>
    public async Task<bool> SendAsync(CancellationToken cancellationToken)
    {
        var recipients = options.Value.Recipients();
        var state = anchor.Read();
        var moved = state.Checkpoints.Values.Where(c => c.Sequence != state.Mailed.GetValueOrDefault(c.Module, -1)).ToList();
        if (recipients.Count == 0 || moved.Count == 0)
        {
            return false;
        }

        var body = new StringBuilder("The signed heads of the Governance audit chains. Keep this message: if `--verify-audit` ")
            .AppendLine("ever reports a chain shorter than, or different from, a head below, entries were removed or rewritten.")
            .AppendLine();
        foreach (var checkpoint in state.Checkpoints.Values.OrderBy(c => c.Module, StringComparer.Ordinal))
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{checkpoint.Module}: entry {checkpoint.Sequence} at {checkpoint.At:u}")
                .AppendLine(CultureInfo.InvariantCulture, $"  seal {checkpoint.Hash}")
                .AppendLine(CultureInfo.InvariantCulture, $"  signed ({checkpoint.Scheme}) {checkpoint.Signature}");
        }

        // The e-mail goes through one module's outbox: the installation's, not any module's business.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(catalog.Databases[0].ContextType);
        foreach (var to in recipients)
        {
            outbox.Mail(db, new OutgoingMail(to, $"Governance audit checkpoint {state.Checkpoints.Values.Max(c => c.At):yyyy-MM-dd}", body.ToString()));
        }

        await db.SaveChangesAsync(cancellationToken);
        anchor.MarkMailed(state.Checkpoints.Values.ToDictionary(c => c.Module, c => c.Sequence));
        return true;
    }
}
