using Governance.Accounts.Contracts;
using Governance.Accounts.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts;

internal sealed class MunicipalityDirectory(AccountsDbContext db) : IMunicipalityDirectory
{
    public Task<MunicipalityInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
        => db.Municipalities.IgnoreQueryFilters().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MunicipalityInfo(m.Id, m.Name, m.Slug, m.TimeZone)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<MunicipalityInfo>> ListAsync(CancellationToken cancellationToken)
        => await db.Municipalities.IgnoreQueryFilters().AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MunicipalityInfo(m.Id, m.Name, m.Slug, m.TimeZone)).ToListAsync(cancellationToken);

    public Task<MunicipalityInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
        => db.Municipalities.IgnoreQueryFilters().AsNoTracking().Where(m => m.Slug == slug)
            .Select(m => new MunicipalityInfo(m.Id, m.Name, m.Slug, m.TimeZone)).FirstOrDefaultAsync(cancellationToken);
}
