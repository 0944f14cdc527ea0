using Governance.Accounts.Contracts;
using Governance.Accounts.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts;

internal sealed class StaffDirectory(AccountsDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> StaffOfAsync(Guid municipalityId, CancellationToken cancellationToken)
    {
        var people = await (from a in db.Assignments
                            join u in db.Users on a.UserId equals u.Id
                            where a.MunicipalityId == municipalityId
                            select new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return people.OrderBy(p => p.DisplayName)
            .Select(p => new StaffMember(p.Id, p.DisplayName, p.Email ?? "",
                roles.Where(r => r.UserId == p.Id).Select(r => r.Name!).ToList()))
            .ToList();
    }
}
