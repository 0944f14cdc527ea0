using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Platform.Audit;

/// <summary>
/// The one audit writer. Adds an entry to the module's context; it is sealed into the chain and committed
/// with the change it describes when the context saves (see <see cref="AuditChainInterceptor"/>).
/// </summary>
public sealed class AuditTrail(ICurrentActor actor, TimeProvider clock)
{
    public void Record(DbContext db, string action, string recordType, string recordId, Guid? municipalityId,
        string? details = null)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            Actor = actor.Name,
            Address = actor.Address,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            MunicipalityId = municipalityId,
            Details = details,
        });
    }
}
