using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Audit;

/// <summary>A module's chain as verified: how many entries hold, and if not intact, where and why it broke.</summary>
public sealed record AuditChainReport(string Module, long Entries, long? FirstBrokenSequence, string? Problem,
    AuditCheckpoint? Anchor = null)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Recomputes every module's audit chain: each entry's keyed seal, each link to the previous entry, no gaps; and checks
/// the chain against its signed anchor, so a rewritten entry, a forged anchor or a cut-off end shows.
/// </summary>
public sealed class AuditChainVerifier(ModuleCatalog catalog, IServiceScopeFactory scopes, AuditKey key, AuditAnchor anchor)
{
    public async Task<IReadOnlyList<AuditChainReport>> VerifyAsync(CancellationToken cancellationToken)
    {
        AuditAnchorState anchors;
        string? unreadable = null;
        try
        {
            anchors = anchor.Read();
        }
        catch (InvalidDataException ex)
        {
            anchors = AuditAnchorState.Empty;
            unreadable = ex.Message;
        }

        var reports = new List<AuditChainReport>();
        foreach (var module in catalog.Databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            reports.Add(unreadable is not null ? new AuditChainReport(module.Name, 0, null, unreadable)
                : await VerifyAsync(module.Name, db, anchors.Checkpoints.GetValueOrDefault(module.Name), cancellationToken));
        }

        return reports;
    }

    private async Task<AuditChainReport> VerifyAsync(string module, DbContext db, AuditCheckpoint? checkpoint,
        CancellationToken cancellationToken)
    {
        if (!key.Exists)
        {
            return await db.Set<AuditEntry>().AnyAsync(cancellationToken)
                ? new AuditChainReport(module, 0, null, $"the audit key {key.FilePath} is missing, so no seal can be checked")
                : new AuditChainReport(module, 0, null, null);
        }

        if (checkpoint is not null && !anchor.IsGenuine(checkpoint))
        {
            return new AuditChainReport(module, 0, null,
                $"its anchor in {anchor.FilePath} has an invalid signature: forged, or signed with another key", checkpoint);
        }

        var walk = await WalkAsync(db, entry =>
            entry.Hash != entry.ComputeHash(key)
                ? entry.Hash == entry.ComputeLegacyHash()
                    ? "is sealed with plain SHA-256, not the audit key: rewritten, or from before the key and not yet upgraded (start the app once)"
                    : Altered
                : entry.Sequence == checkpoint?.Sequence && entry.Hash != checkpoint.Hash
                    ? $"is not the entry anchored at this position on {checkpoint.At:u}: the chain was rewritten"
                    : null,
            cancellationToken);
        if (walk.Problem is not null && checkpoint is null
            && await WalkAsync(db, LegacySealProblem, cancellationToken) is var legacy && (legacy.Broken ?? long.MaxValue) > walk.Broken)
        {
            // Never anchored, and sealed the old way further than the new: a chain from before the key.
            return legacy.Problem is null
                ? new AuditChainReport(module, legacy.Last, 1, "is a chain from before the audit key (plain SHA-256), not yet "
                    + "re-sealed under it: start the app once")
                : new AuditChainReport(module, legacy.Last, legacy.Broken, $"{legacy.Problem} (in a chain from before the audit "
                    + "key, which is therefore not re-sealed under it)");
        }

        if (walk.Problem is not null)
        {
            return new AuditChainReport(module, walk.Last, walk.Broken, walk.Problem, checkpoint);
        }

        return checkpoint is null
            ? new AuditChainReport(module, walk.Last, null, walk.Last == 0 ? null
                : $"has no signed anchor in {anchor.FilePath}, so a cut-off end would not show")
            : checkpoint.Sequence > walk.Last
                ? new AuditChainReport(module, walk.Last, walk.Last + 1, $"ends at entry {walk.Last}, but entry "
                    + $"{checkpoint.Sequence} was anchored on {checkpoint.At:u}: the newest entries were cut off", checkpoint)
                : new AuditChainReport(module, walk.Last, null, null, checkpoint);
    }

    private const string Altered = "was altered after it was written";

    /// <summary>The check of a seal under the scheme before the key (plain SHA-256).</summary>
    internal static string? LegacySealProblem(AuditEntry entry) => entry.Hash == entry.ComputeLegacyHash() ? null : Altered;

    /// <summary>Reads a chain in order: the last good entry and its seal, or where it breaks (a gap, a bad link, a bad seal).</summary>
    internal static async Task<(long Last, string LastHash, long? Broken, string? Problem)> WalkAsync(DbContext db,
        Func<AuditEntry, string?> sealProblem, CancellationToken cancellationToken)
    {
        long expected = 1;
        var previous = AuditEntry.GenesisHash;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var problem = entry.Sequence != expected ? $"entry {expected} is missing"
                : entry.PreviousHash != previous ? "does not link to the entry before it"
                : sealProblem(entry);
            if (problem is not null)
            {
                return (expected - 1, previous, entry.Sequence, problem);
            }

            previous = entry.Hash;
            expected++;
        }

        return (expected - 1, previous, null, null);
    }
}
