using Governance.Elections.Domain;
using Governance.Platform.Data;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Data;

internal sealed class ElectionsDbContext(DbContextOptions<ElectionsDbContext> options, ITenantScope tenant)
    : DbContext(options), IModuleDbContext
{
    public const string Prefix = "elections";

    public string TablePrefix => Prefix;

    public ITenantScope Tenant => tenant;

    public DbSet<ElectionSettings> Settings => Set<ElectionSettings>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ElectionSettings>(e =>
        {
            e.ToTable($"{Prefix}_settings");
            e.HasKey(s => s.MunicipalityId);
        });
        modelBuilder.AddPlatformTables(Prefix);
        modelBuilder.FilterByMunicipality(this);
    }
}
