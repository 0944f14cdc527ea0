using System.Security.Claims;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Accounts.Identity;

/// <summary>Adds the user's municipality assignments and display name to the sign-in (cookie or bearer token).</summary>
internal sealed class StaffClaimsFactory(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    AccountsDbContext db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        var municipalities = await db.Assignments.AsNoTracking()
            .Where(a => a.UserId == user.Id)
            .Select(a => a.MunicipalityId)
            .ToListAsync();
        identity.AddClaims(municipalities.Select(id => new Claim(TenantClaims.Municipality, id.ToString())));
        return identity;
    }
}
