using Governance.Accounts.Data;
using Governance.Complaints.Contracts;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Moderation;

/// <summary>
/// R9: an appeal's owner confirmed the resident's access is restored, so the block on the register ends then. Idempotent:
/// a redelivered event finds no open block and does nothing.
/// </summary>
internal sealed class EndBlockOnRestoredAppeal(AccountsDbContext db, AuditTrail audit) : IIntegrationEventHandler<AppealRestored>
{
    public async Task HandleAsync(AppealRestored e, CancellationToken cancellationToken)
    {
        if (!e.AccessRestored)
        {
            return; // a reinstated post or comment: no block to end
        }

        var handle = e.TargetHandle.Trim().TrimStart('@');
        var open = await db.Blocks.IgnoreQueryFilters()
            .Where(b => b.MunicipalityId == e.MunicipalityId && b.AccountId == e.AccountId && b.EndedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var block in open.Where(b => string.Equals(b.TargetHandle.TrimStart('@'), handle, StringComparison.OrdinalIgnoreCase)))
        {
            block.EndedAt = e.RestoredAt;
            audit.Record(db, "block.ended", "Block", block.Id.ToString(), e.MunicipalityId,
                $"appeal {e.AppealReference} restored access; confirmed by {e.ConfirmedBy}");
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
