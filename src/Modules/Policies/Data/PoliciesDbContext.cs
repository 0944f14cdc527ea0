using Governance.Platform.Data;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Data;

internal sealed class PoliciesDbContext(DbContextOptions<PoliciesDbContext> options, ITenantScope tenant)
    : DbContext(options), IModuleDbContext
{
    public const string Prefix = "policies";

    public string TablePrefix => Prefix;

    public ITenantScope Tenant => tenant;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddPlatformTables(Prefix);
        modelBuilder.FilterByMunicipality(this);
    }
}
