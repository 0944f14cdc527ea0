using Governance.SharedKernel;

namespace Governance.Complaints.Contracts;

/// <summary>
/// R9: the owner of an account confirmed that an appellant's access or content is restored. Accounts ends the block
/// on its register for that handle (if one is open). Handling is idempotent: a block already ended stays as it is.
/// </summary>
public sealed record AppealRestored(Guid MunicipalityId, string AppealReference, Guid AccountId, string TargetHandle, bool AccessRestored,
    DateTimeOffset RestoredAt, string ConfirmedBy) : IIntegrationEvent;
