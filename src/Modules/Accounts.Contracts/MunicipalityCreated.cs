using Governance.SharedKernel;

namespace Governance.Accounts.Contracts;

/// <summary>A municipality joined the installation; other modules set up its defaults.</summary>
public sealed record MunicipalityCreated(Guid MunicipalityId, string Name) : IIntegrationEvent;

public sealed record StaffMember(Guid UserId, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>The staff serving a municipality, for lists such as "who has not acknowledged the policy" (R17).</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyList<StaffMember>> StaffOfAsync(Guid municipalityId, CancellationToken cancellationToken);
}
