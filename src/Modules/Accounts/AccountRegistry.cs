using Governance.Accounts.Contracts;
using Governance.Accounts.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts;

/// <summary>The registry as other modules see it. Always names the municipality; another municipality's ids find nothing.</summary>
internal sealed class AccountRegistry(AccountsDbContext db) : IAccountRegistry
{
    public Task<AccountSummary?> FindAsync(Guid municipalityId, Guid accountId, CancellationToken cancellationToken)
        => db.Accounts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == accountId && a.MunicipalityId == municipalityId)
            .Select(a => new AccountSummary(a.Id, a.MunicipalityId, a.Platform.ToString(), a.Handle, a.Owner.ToString(),
                a.OwnerName, a.Classification.ToString()))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(Guid municipalityId, CancellationToken cancellationToken)
        => await db.Accounts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId)
            .OrderBy(a => a.Handle)
            .Select(a => new AccountSummary(a.Id, a.MunicipalityId, a.Platform.ToString(), a.Handle, a.Owner.ToString(),
                a.OwnerName, a.Classification.ToString()))
            .ToListAsync(cancellationToken);

    public async Task<AccountClassificationInfo?> ClassificationOnAsync(Guid municipalityId, Guid accountId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var record = await db.Classifications.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.AccountId == accountId && c.MunicipalityId == municipalityId && c.Since <= at)
            .OrderByDescending(c => c.Since).FirstOrDefaultAsync(cancellationToken);
        return record is null
            ? null
            : new AccountClassificationInfo(accountId, record.Since, record.Classification.ToString(),
                record.Fired.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}
