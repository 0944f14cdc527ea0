using Governance.Accounts.Domain;
using Governance.Platform.Data;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Data;

internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options, ITenantScope tenant)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IModuleDbContext
{
    public const string Prefix = "accounts";

    public string TablePrefix => Prefix;

    public ITenantScope Tenant => tenant;

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<StaffAssignment> Assignments => Set<StaffAssignment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity's tables get the module prefix: AspNetUsers -> accounts_users.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is not null && table.StartsWith("AspNet", StringComparison.Ordinal))
            {
                entity.SetTableName($"{Prefix}_{ToSnake(table["AspNet".Length..])}");
            }
        }

        builder.Entity<StaffUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<Municipality>(e =>
        {
            e.ToTable($"{Prefix}_municipalities");
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Slug).HasMaxLength(100);
            e.Property(m => m.TimeZone).HasMaxLength(64);
            e.HasIndex(m => m.Slug).IsUnique();
            // A municipality is visible to the staff assigned to it.
            e.HasQueryFilter(m => Tenant.IsSystem || Tenant.MunicipalityIds.Contains(m.Id));
        });
        builder.Entity<StaffAssignment>(e =>
        {
            e.ToTable($"{Prefix}_staff_assignments");
            e.HasKey(a => new { a.UserId, a.MunicipalityId });
            e.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId);
        });
        builder.AddPlatformTables(Prefix);
        builder.FilterByMunicipality(this);
    }

    private static string ToSnake(string name) => string.Concat(name.Select((c, i) =>
        char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
