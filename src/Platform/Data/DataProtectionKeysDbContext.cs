using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Governance.Platform.Data;

/// <summary>
/// The data-protection key ring (sign-in cookies, API tokens, tracking links) in the installation's database, so every
/// host on it shares the keys and a backup of the database carries them. Platform machinery, not a module's: it has no
/// audit trail or outbox, and every module's protected data depends on it.
/// </summary>
internal sealed class DataProtectionKeysDbContext(DbContextOptions<DataProtectionKeysDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public const string Name = "Platform";

    public const string TablePrefix = "platform";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<DataProtectionKey>().ToTable($"{TablePrefix}_data_protection_keys");
}
