using Governance.Platform.Data;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Data;

internal sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options, ITenantScope tenant)
    : DbContext(options), IModuleDbContext
{
    public const string Prefix = "complaints";

    public string TablePrefix => Prefix;

    public ITenantScope Tenant => tenant;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddPlatformTables(Prefix, workflows: true);
        modelBuilder.FilterByMunicipality(this);
    }
}
