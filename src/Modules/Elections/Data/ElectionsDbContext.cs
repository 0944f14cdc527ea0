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

    public DbSet<Election> Elections => Set<Election>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<CampaignPlan> Plans => Set<CampaignPlan>();

    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    public DbSet<Recheck> Rechecks => Set<Recheck>();

    public DbSet<MemberTask> Tasks => Set<MemberTask>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Election>(e =>
        {
            e.ToTable($"{Prefix}_elections");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.OverrideReason).HasMaxLength(1000);
            e.HasIndex(x => new { x.MunicipalityId, x.VotingDay, x.Kind });
        });
        modelBuilder.Entity<Candidate>(e =>
        {
            e.ToTable($"{Prefix}_candidates");
            e.Property(x => x.MemberName).HasMaxLength(200);
            e.Property(x => x.MemberEmail).HasMaxLength(256);
            e.Property(x => x.Office).HasMaxLength(200);
            e.HasIndex(x => new { x.ElectionId, x.MemberUserId }).IsUnique();
            e.HasMany(x => x.Plans).WithOne().HasForeignKey(p => p.CandidateId);
        });
        modelBuilder.Entity<CampaignPlan>(e =>
        {
            e.ToTable($"{Prefix}_campaign_plans");
            e.Property(x => x.AccountLabel).HasMaxLength(300);
            e.Property(x => x.CampaignAccountLabel).HasMaxLength(300);
            e.Property(x => x.RestoredBy).HasMaxLength(256);
            e.HasIndex(x => new { x.CandidateId, x.AccountId }).IsUnique();
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.PlanId);
            e.HasMany(x => x.Rechecks).WithOne().HasForeignKey(r => r.PlanId);
        });
        modelBuilder.Entity<ChecklistItem>(e =>
        {
            e.ToTable($"{Prefix}_checklist_items");
            e.Property(x => x.Code).HasMaxLength(10);
            e.Property(x => x.CompletedBy).HasMaxLength(256);
            e.Property(x => x.VerifiedBy).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.EvidenceUrl).HasMaxLength(500);
            e.Property(x => x.EvidenceFileName).HasMaxLength(255);
            e.Property(x => x.EvidenceContentType).HasMaxLength(100);
            e.Property(x => x.EvidenceSha256).HasMaxLength(64);
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
        });
        modelBuilder.Entity<Recheck>(e =>
        {
            e.ToTable($"{Prefix}_rechecks");
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(2000);
        });
        modelBuilder.Entity<MemberTask>(e =>
        {
            e.ToTable($"{Prefix}_member_tasks");
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.HasIndex(x => new { x.CandidateId, x.Key }).IsUnique();
        });
        modelBuilder.AddPlatformTables(Prefix);
        modelBuilder.FilterByMunicipality(this);
    }
}
