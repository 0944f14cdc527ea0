using System.Collections.Concurrent;
using Governance.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Platform.Audit;

/// <summary>
/// Seals new audit entries into the hash chain inside the saving transaction, after taking the module's
/// chain lock, so two writers (even on two hosts) never fork the chain.
/// </summary>
internal sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    // Transactions this interceptor opened, committed once the save succeeds.
    private readonly ConcurrentDictionary<DbContext, IDbContextTransaction> _opened = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        if (pending.Count == 0)
        {
            return result;
        }

        if (db.Database.CurrentTransaction is null)
        {
            _opened[db] = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        await ChainLock.AcquireAsync(db, ((IModuleDbContext)db).TablePrefix + "_audit", cancellationToken);
        var last = await db.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditEntry.GenesisHash;
        foreach (var entry in pending)
        {
            // PostgreSQL keeps times to the microsecond: hash the time as it will read back, or the chain breaks.
            entry.At = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (_opened.TryRemove(eventData.Context!, out var transaction))
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (_opened.TryRemove(eventData.Context!, out var transaction))
        {
            await transaction.DisposeAsync();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        => throw new InvalidOperationException("Save module contexts with SaveChangesAsync.");
}
