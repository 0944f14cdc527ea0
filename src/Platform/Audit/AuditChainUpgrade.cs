using Governance.Platform.Data;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Platform.Audit;

/// <summary>
/// Run at start-up (and after a restore): gives every module's chain a signed anchor. A chain without one is either new
/// (anchored as it is) or from before the key, sealed with plain SHA-256: that one is checked under the old scheme and,
/// only if intact, re-sealed under the key in one transaction under the chain lock. A broken old chain is left as it
/// is, so re-sealing never launders tampering, and <c>--verify-audit</c> keeps reporting it.
/// </summary>
public sealed class AuditChainUpgrade(ModuleCatalog catalog, IServiceScopeFactory scopes, AuditKey key, AuditAnchor anchor,
    ILogger<AuditChainUpgrade> logger)
{
    private const int Batch = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, AuditCheckpoint> anchored;
        try
        {
            anchored = anchor.Read().Checkpoints;
        }
        catch (InvalidDataException ex)
        {
            logger.LogCritical("The audit anchor cannot be read, so no chain is upgraded or anchored: {Problem}", ex.Message);
            return;
        }

        foreach (var module in catalog.Databases.Where(m => !anchored.ContainsKey(m.Name)))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ChainLock.AcquireAsync(db, ((IModuleDbContext)db).TablePrefix + "_audit", cancellationToken);

            var keyed = await AuditChainVerifier.WalkAsync(db, e => e.Hash == e.ComputeHash(key) ? null : "unkeyed", cancellationToken);
            var head = (keyed.Last, keyed.LastHash);
            if (keyed.Problem is not null)
            {
                var legacy = await AuditChainVerifier.WalkAsync(db, AuditChainVerifier.LegacySealProblem, cancellationToken);
                if (legacy.Problem is not null)
                {
                    logger.LogCritical("The {Module} audit chain is broken at entry {Sequence} ({Problem}); it is not re-sealed "
                        + "under the audit key. Investigate with --verify-audit.", module.Name, legacy.Broken, legacy.Problem);
                    continue;
                }

                head = await ResealAsync(db, cancellationToken);
                logger.LogWarning("The {Module} audit chain ({Entries} entries) was re-sealed under the audit key {KeyFile}.",
                    module.Name, head.Item1, key.FilePath);
            }

            await transaction.CommitAsync(cancellationToken);
            anchor.Advance([anchor.Sign(module.Name, head.Item1, head.Item2)]);
        }
    }

    private async Task<(long, string)> ResealAsync(DbContext db, CancellationToken cancellationToken)
    {
        var previous = AuditEntry.GenesisHash;
        long done = 0;
        while (true)
        {
            var batch = await db.Set<AuditEntry>().Where(e => e.Sequence > done).OrderBy(e => e.Sequence).Take(Batch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (done, previous);
            }

            foreach (var entry in batch)
            {
                entry.PreviousHash = previous;
                entry.Hash = entry.ComputeHash(key);
                previous = entry.Hash;
                done = entry.Sequence;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
