using Governance.Platform.Data;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Data;

internal sealed class PoliciesDbContext(DbContextOptions<PoliciesDbContext> options, ITenantScope tenant)
    : DbContext(options), IModuleDbContext
{
    public const string Prefix = "policies";

    public string TablePrefix => Prefix;

    public ITenantScope Tenant => tenant;

    public DbSet<ProhibitedContentRule> Rules => Set<ProhibitedContentRule>();

    public DbSet<CodeArticle> Articles => Set<CodeArticle>();

    public DbSet<PolicyDocument> Documents => Set<PolicyDocument>();

    public DbSet<PolicyVersion> Versions => Set<PolicyVersion>();

    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A published version never changes: a new version replaces it (R2).
        var changed = ChangeTracker.Entries<PolicyVersion>().FirstOrDefault(e =>
            e.State is EntityState.Modified or EntityState.Deleted
            && e.OriginalValues.GetValue<VersionStatus>(nameof(PolicyVersion.Status)) == VersionStatus.Published);
        if (changed is not null || ChangeTracker.Entries<ElementCoverage>().Any(e =>
                e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added
                && Versions.Local.FirstOrDefault(v => v.Id == e.Entity.VersionId) is { } v
                && Entry(v).OriginalValues.GetValue<VersionStatus>(nameof(PolicyVersion.Status)) == VersionStatus.Published))
        {
            throw new InvalidOperationException("A published policy version cannot be changed; start a new version.");
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProhibitedContentRule>(e =>
        {
            e.ToTable($"{Prefix}_prohibited_content_rules");
            e.Property(r => r.Code).HasMaxLength(60);
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Description).HasMaxLength(1000);
            e.HasIndex(r => new { r.MunicipalityId, r.Code }).IsUnique();
        });
        modelBuilder.Entity<CodeArticle>(e =>
        {
            e.ToTable($"{Prefix}_code_articles");
            e.Property(a => a.Number).HasMaxLength(20);
            e.Property(a => a.Title).HasMaxLength(200);
            e.Property(a => a.Summary).HasMaxLength(1000);
            e.HasIndex(a => new { a.MunicipalityId, a.Title }).IsUnique();
        });
        modelBuilder.Entity<PolicyDocument>(e =>
        {
            e.ToTable($"{Prefix}_documents");
            e.Property(d => d.Title).HasMaxLength(200);
            e.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId);
            e.HasIndex(d => new { d.MunicipalityId, d.AccountId });
        });
        modelBuilder.Entity<PolicyVersion>(e =>
        {
            e.ToTable($"{Prefix}_versions");
            e.Property(v => v.Body).HasMaxLength(100_000);
            e.Property(v => v.PublishedBy).HasMaxLength(256);
            e.Property(v => v.OverrideReason).HasMaxLength(2000);
            e.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            e.HasMany(v => v.Coverage).WithOne().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(v => v.CoverageBySection);
        });
        modelBuilder.Entity<ElementCoverage>(e =>
        {
            e.ToTable($"{Prefix}_element_coverage");
            e.HasKey(c => new { c.VersionId, c.ElementCode });
            e.Property(c => c.ElementCode).HasMaxLength(60);
            e.Property(c => c.Section).HasMaxLength(300);
        });
        modelBuilder.Entity<ServiceLevel>(e =>
        {
            e.ToTable($"{Prefix}_service_levels");
            e.HasKey(s => s.MunicipalityId);
            e.Property(s => s.BusinessDays).HasMaxLength(100);
            e.Ignore(s => s.Days);
        });
        modelBuilder.Entity<Holiday>(e =>
        {
            e.ToTable($"{Prefix}_holidays");
            e.Property(h => h.Name).HasMaxLength(200);
            e.HasIndex(h => new { h.MunicipalityId, h.Date }).IsUnique();
        });
        modelBuilder.Entity<Acknowledgement>(e =>
        {
            e.ToTable($"{Prefix}_acknowledgements");
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Position).HasMaxLength(200);
            e.Property(a => a.Department).HasMaxLength(200);
            e.Property(a => a.Signature).HasMaxLength(200);
            e.HasIndex(a => new { a.VersionId, a.UserId }).IsUnique();
        });
        modelBuilder.AddPlatformTables(Prefix);
        modelBuilder.FilterByMunicipality(this);
    }
}
