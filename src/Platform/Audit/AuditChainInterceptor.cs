using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Governance.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Governance.Platform.Audit;

/// <summary>
/// Seals new audit entries into the chain (keyed, see <see cref="AuditKey"/>) inside the saving transaction, after
/// taking the module's chain lock, so two writers (even on two hosts) never fork the chain. Once that transaction
/// commits, the new head is written to the anchor file.
/// </summary>
internal sealed class AuditChainInterceptor(AuditKey key, AuditAnchor anchor, ModuleCatalog catalog,
    ILogger<AuditChainInterceptor> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Transactions this interceptor opened, committed once the save succeeds.
    private readonly ConcurrentDictionary<DbContext, IDbContextTransaction> _opened = new();

    // The head a save is sealing, then the head saved but not yet committed: anchored only after the commit.
    private readonly ConditionalWeakTable<DbContext, Head> _sealing = new();
    private readonly ConditionalWeakTable<DbContext, Head> _uncommitted = new();

    private sealed record Head(long Sequence, string Hash);

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
            // Sealed as it will be read back: PostgreSQL keeps microseconds, not .NET's 100 ns ticks.
            entry.At = new DateTimeOffset(entry.At.UtcTicks - entry.At.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash(key);
            previous = entry.Hash;
        }

        _sealing.AddOrUpdate(db, new Head(sequence, previous));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        var db = eventData.Context!;
        if (_sealing.TryGetValue(db, out var head))
        {
            _sealing.Remove(db);
            _uncommitted.AddOrUpdate(db, head);
        }

        if (_opened.TryRemove(db, out var transaction))
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        _sealing.Remove(eventData.Context!);
        if (_opened.TryRemove(eventData.Context!, out var transaction))
        {
            await transaction.DisposeAsync();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        => throw new InvalidOperationException("Save module contexts with SaveChangesAsync.");

    // A transaction that ended without a commit took its entries with it: nothing of it is anchored.
    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(DbConnection connection,
        TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
        => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        => Anchor(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        Anchor(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            _uncommitted.Remove(db);
        }
    }

    private void Anchor(DbContext? db)
    {
        if (db is null || !_uncommitted.TryGetValue(db, out var head))
        {
            return;
        }

        _uncommitted.Remove(db);
        var module = catalog.Databases.First(m => m.ContextType == db.GetType()).Name;
        try
        {
            anchor.Advance([anchor.Sign(module, head.Sequence, head.Hash)]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The change is committed; failing the request now would not undo it. --verify-audit reports the stale anchor.
            logger.LogError(ex, "The {Module} audit chain reached entry {Sequence}, but the anchor file could not be advanced",
                module, head.Sequence);
        }
    }
}
