using Microsoft.AspNetCore.Identity;

namespace Governance.Accounts.Domain;

/// <summary>A staff account. Residents have none. Created by an Administrator, never by self-registration.</summary>
internal sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}

/// <summary>A staff member may see a municipality's records (DESIGN.md section 1: staff see only theirs).</summary>
internal sealed class StaffAssignment
{
    public Guid UserId { get; set; }

    public Guid MunicipalityId { get; set; }
}
