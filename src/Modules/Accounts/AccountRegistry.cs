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
                a.OwnerName, a.Classification.ToString(), a.ResponsibleEmail, a.OwnerUserId))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(Guid municipalityId, CancellationToken cancellationToken)
        => await db.Accounts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId)
            .OrderBy(a => a.Handle)
            .Select(a => new AccountSummary(a.Id, a.MunicipalityId, a.Platform.ToString(), a.Handle, a.Owner.ToString(),
                a.OwnerName, a.Classification.ToString(), a.ResponsibleEmail, a.OwnerUserId))
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

    public async Task<IReadOnlyList<ModerationRecord>> ActionsAgainstAsync(Guid municipalityId, Guid accountId, string handle,
        CancellationToken cancellationToken)
    {
        var wanted = handle.Trim().TrimStart('@');
        var actions = await db.ModerationActions.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId && a.AccountId == accountId)
            .Select(a => new { a.Id, a.Kind, a.OccurredAt, a.RuleCode, a.RuleTitle, a.ContentAsPosted, a.RiskFlags, a.TargetHandle, a.ActorUserId, a.ActorName, Files = a.Evidence.Count })
            .ToListAsync(cancellationToken);
        return actions
            .Where(a => string.Equals(a.TargetHandle.TrimStart('@'), wanted, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => new ModerationRecord(a.Id, a.Kind.ToString(), a.OccurredAt, a.RuleCode, a.RuleTitle, a.ContentAsPosted,
                a.RiskFlags.Split(',', StringSplitOptions.RemoveEmptyEntries), a.Files, a.ActorUserId, a.ActorName))
            .ToList();
    }

    public async Task<IReadOnlyList<CitedAction>> ActionsCitingAsync(Guid municipalityId, string ruleCode, DateTimeOffset since,
        DateTimeOffset until, CancellationToken cancellationToken)
    {
        var actions = await (from a in db.ModerationActions.IgnoreQueryFilters().AsNoTracking()
                             join account in db.Accounts.IgnoreQueryFilters() on a.AccountId equals account.Id
                             where a.MunicipalityId == municipalityId && a.RuleCode == ruleCode && a.OccurredAt >= since && a.OccurredAt < until
                             select new { a.Id, a.AccountId, account.Handle, a.Kind, a.TargetHandle, a.OccurredAt, a.ActorName, a.PostUrl })
            .ToListAsync(cancellationToken);
        return actions.OrderBy(a => a.OccurredAt)
            .Select(a => new CitedAction(a.Id, a.AccountId, a.Handle, a.Kind.ToString(), a.TargetHandle, a.OccurredAt, a.ActorName, a.PostUrl))
            .ToList();
    }

    public async Task<BlockPattern> BlockPatternAsync(Guid municipalityId, Guid accountId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var blocks = await db.Blocks.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.MunicipalityId == municipalityId && b.AccountId == accountId)
            .Select(b => new { b.StartedAt, b.EndedAt }).ToListAsync(cancellationToken);
        var flagged = await db.ModerationActions.IgnoreQueryFilters().AsNoTracking()
            .CountAsync(a => a.MunicipalityId == municipalityId && a.AccountId == accountId && a.RiskFlags != "", cancellationToken);
        return new BlockPattern(blocks.Count, blocks.Count(b => b.EndedAt == null), blocks.Count(b => b.StartedAt >= now.AddMonths(-12)), flagged);
    }
}
