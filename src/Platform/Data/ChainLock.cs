using Microsoft.EntityFrameworkCore;

namespace Governance.Platform.Data;

/// <summary>
/// A lock held until the current transaction ends. PostgreSQL: a transaction-scoped advisory lock, so hosts
/// sharing the database take turns. SQLite: nothing to do, since
/// Microsoft.Data.Sqlite begins transactions IMMEDIATE, which already lets one writer in at a time.
/// </summary>
public static class ChainLock
{
    public static async Task AcquireAsync(DbContext db, string name, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({name}))", cancellationToken);
        }
    }
}
