using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Audit;

public sealed record AuditChainReport(string Module, long Entries, long? FirstBrokenSequence, string? Problem)
{
    public bool Intact => FirstBrokenSequence is null;
}

/// <summary>Recomputes every module's audit chain: each hash, each link to the previous entry, no gaps.</summary>
public sealed class AuditChainVerifier(ModuleCatalog catalog, IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<AuditChainReport>> VerifyAsync(CancellationToken cancellationToken)
    {
        var reports = new List<AuditChainReport>();
        foreach (var module in catalog.Databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            reports.Add(await VerifyAsync(module.Name, db, cancellationToken));
        }

        return reports;
    }

    internal static async Task<AuditChainReport> VerifyAsync(string module, DbContext db, CancellationToken cancellationToken)
    {
        long expected = 1;
        var previous = AuditEntry.GenesisHash;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var problem = entry.Sequence != expected ? $"entry {expected} is missing"
                : entry.PreviousHash != previous ? "does not link to the entry before it"
                : entry.Hash != entry.ComputeHash() ? "was altered after it was written"
                : null;
            if (problem is not null)
            {
                return new AuditChainReport(module, expected - 1, entry.Sequence, problem);
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditChainReport(module, expected - 1, null, null);
    }
}
