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

    public DbSet<SocialAccount> Accounts => Set<SocialAccount>();

    public DbSet<ClassificationRecord> Classifications => Set<ClassificationRecord>();

    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();

    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<BlockReminder> BlockReminders => Set<BlockReminder>();

    public DbSet<StaffSession> Sessions => Set<StaffSession>();

    public DbSet<SecurityAttempt> SecurityAttempts => Set<SecurityAttempt>();

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
            e.Property(m => m.PriorViolationsBeforeBlock).HasDefaultValue(2).HasSentinel(int.MinValue);
            e.Property(m => m.RequireTwoFactor).HasDefaultValue(false);
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
        builder.Entity<SocialAccount>(e =>
        {
            e.ToTable($"{Prefix}_social_accounts");
            e.Property(a => a.Handle).HasMaxLength(101);
            e.Property(a => a.ProfileUrl).HasMaxLength(500);
            e.Property(a => a.OwnerName).HasMaxLength(200);
            e.Property(a => a.Purpose).HasMaxLength(1000);
            e.Property(a => a.ResponsibleName).HasMaxLength(200);
            e.Property(a => a.ResponsibleEmail).HasMaxLength(256);
            e.Ignore(a => a.TreatedAsOfficial);
            e.HasIndex(a => new { a.MunicipalityId, a.Platform, a.Handle }).IsUnique();
        });
        builder.Entity<ClassificationRecord>(e =>
        {
            e.ToTable($"{Prefix}_classification_history");
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.Property(c => c.FactsJson).HasMaxLength(20_000);
            e.Property(c => c.Fired).HasMaxLength(1000);
            e.Property(c => c.Explanation).HasMaxLength(2000);
            e.HasOne<SocialAccount>().WithMany().HasForeignKey(c => c.AccountId);
            e.HasIndex(c => new { c.AccountId, c.Since });
        });
        builder.Entity<ModerationAction>(e =>
        {
            e.ToTable($"{Prefix}_moderation_actions");
            e.Property(a => a.TargetHandle).HasMaxLength(200);
            e.Property(a => a.TargetProfileUrl).HasMaxLength(500);
            e.Property(a => a.PostUrl).HasMaxLength(500);
            e.Property(a => a.ContentAsPosted).HasMaxLength(20_000);
            e.Property(a => a.ActorName).HasMaxLength(256);
            e.Property(a => a.RuleCode).HasMaxLength(60);
            e.Property(a => a.RuleTitle).HasMaxLength(200);
            e.Property(a => a.Justification).HasMaxLength(4000);
            e.Property(a => a.RiskFlags).HasMaxLength(200);
            e.Property(a => a.Notes).HasMaxLength(4000);
            e.Ignore(a => a.IsViolation);
            e.HasOne<SocialAccount>().WithMany().HasForeignKey(a => a.AccountId);
            e.HasMany(a => a.Evidence).WithOne().HasForeignKey(f => f.ModerationActionId);
            e.HasIndex(a => new { a.AccountId, a.TargetHandle, a.OccurredAt });
            e.HasIndex(a => new { a.MunicipalityId, a.RuleCode, a.OccurredAt }); // the clerk's candidate-posting list
            e.HasIndex(a => a.RequestId).IsUnique();
        });
        builder.Entity<EvidenceFile>(e =>
        {
            e.ToTable($"{Prefix}_evidence_files");
            e.Property(f => f.FileName).HasMaxLength(200);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.UploadedBy).HasMaxLength(256);
        });
        builder.Entity<Block>(e =>
        {
            e.ToTable($"{Prefix}_blocks");
            e.Property(b => b.TargetHandle).HasMaxLength(200);
            e.HasOne<SocialAccount>().WithMany().HasForeignKey(b => b.AccountId);
            e.HasIndex(b => new { b.AccountId, b.TargetHandle, b.EndedAt });
        });
        builder.Entity<BlockReminder>(e =>
        {
            e.ToTable($"{Prefix}_block_reminders");
            e.HasKey(r => new { r.BlockId, r.DueOn });
            e.HasOne<Block>().WithMany().HasForeignKey(r => r.BlockId);
        });
        builder.Entity<StaffSession>(e =>
        {
            e.ToTable($"{Prefix}_sessions");
            e.Property(x => x.EndReason).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(64);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.EndedAt });
        });
        builder.Entity<SecurityAttempt>(e =>
        {
            e.ToTable($"{Prefix}_security_attempts");
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Account).HasMaxLength(256);
            e.Property(x => x.Address).HasMaxLength(64);
            e.HasIndex(x => new { x.Kind, x.Account, x.At });
            e.HasIndex(x => new { x.Kind, x.Address, x.At });
        });
        builder.AddPlatformTables(Prefix);
        builder.FilterByMunicipality(this);
    }

    private static string ToSnake(string name) => string.Concat(name.Select((c, i) =>
        char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
