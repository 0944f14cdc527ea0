using Governance.Complaints.Domain;
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

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<CaseEvidence> Evidence => Set<CaseEvidence>();

    public DbSet<ReferenceCounter> Counters => Set<ReferenceCounter>();

    public DbSet<HumanRightsReview> Reviews => Set<HumanRightsReview>();

    public DbSet<AppealDecision> Decisions => Set<AppealDecision>();

    public DbSet<ComplaintReport> Reports => Set<ComplaintReport>();

    public DbSet<ComplaintProtocol> Protocols => Set<ComplaintProtocol>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseGovernanceConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable($"{Prefix}_cases");
            e.Property(c => c.Reference).HasMaxLength(20);
            e.Property(c => c.TrackingTokenHash).HasMaxLength(64);
            e.Property(c => c.ProtectedTrackingToken).HasMaxLength(1000);
            e.Property(c => c.ContactName).HasMaxLength(200);
            e.Property(c => c.ContactEmail).HasMaxLength(256);
            e.Property(c => c.AssignedToName).HasMaxLength(256);
            e.Property(c => c.RestartRequestedBy).HasMaxLength(256);
            e.HasIndex(c => c.Reference).IsUnique();
            e.HasIndex(c => new { c.MunicipalityId, c.SubmissionId }).IsUnique();
            e.HasOne(c => c.Appeal).WithOne().HasForeignKey<AppealDetails>(a => a.CaseId);
            e.HasOne(c => c.Complaint).WithOne().HasForeignKey<ComplaintDetails>(a => a.CaseId);
            e.HasMany(c => c.Timeline).WithOne().HasForeignKey(t => t.CaseId);
            e.HasMany(c => c.Evidence).WithOne().HasForeignKey(t => t.CaseId);
        });
        modelBuilder.Entity<AppealDetails>(e =>
        {
            e.ToTable($"{Prefix}_appeals");
            e.HasKey(a => a.CaseId);
            e.Property(a => a.AccountDescription).HasMaxLength(500);
            e.Property(a => a.PlatformHandle).HasMaxLength(200);
            e.Property(a => a.ContentPosted).HasMaxLength(10_000);
            e.Property(a => a.ReasonGiven).HasMaxLength(2000);
            e.Property(a => a.Grounds).HasMaxLength(500);
            e.Property(a => a.OwnerName).HasMaxLength(200);
            e.Property(a => a.EscalationReason).HasMaxLength(4000);
            e.Property(a => a.LinkedComplaintReference).HasMaxLength(20);
            e.Ignore(a => a.Owner);
            e.Property(a => a.OwnerKind).HasDefaultValue(AccountOwnerKind.Unknown); // added by migration 0005 to existing rows
        });
        modelBuilder.Entity<ComplaintDetails>(e =>
        {
            e.ToTable($"{Prefix}_code_of_conduct");
            e.HasKey(c => c.CaseId);
            e.Property(c => c.MemberName).HasMaxLength(200);
            e.Property(c => c.PostLinks).HasMaxLength(4000);
            e.Property(c => c.Articles).HasMaxLength(2000);
            e.Property(c => c.WhatHappened).HasMaxLength(10_000);
            e.Property(c => c.Phone).HasMaxLength(40);
            e.Property(c => c.PostalAddress).HasMaxLength(500);
            e.Property(c => c.DeclarationName).HasMaxLength(200);
            e.Property(c => c.LocalBoard).HasMaxLength(200);
            // Added by migration 0005 to existing rows; the sentinels make EF send every value but the default.
            e.Property(c => c.ComplainantKind).HasDefaultValue(ComplainantKind.Resident).HasSentinel(ComplainantKind.Resident);
            e.Property(c => c.FiledLate).HasDefaultValue(false);
            e.Property(c => c.DeclarationKind).HasDefaultValue(DeclarationKind.Typed).HasSentinel(DeclarationKind.Typed);
            e.Property(c => c.LateReason).HasMaxLength(4000);
            e.Property(c => c.CommissionedBy).HasMaxLength(200);
            e.Property(c => c.NameWithheldReason).HasMaxLength(2000);
            e.Property(c => c.LeadReference).HasMaxLength(20);
            e.Property(c => c.WithdrawalReason).HasMaxLength(4000);
            e.Property(c => c.FromAppealReference).HasMaxLength(20);
            e.HasIndex(c => c.MemberUserId);
        });
        modelBuilder.Entity<ComplaintReport>(e =>
        {
            e.ToTable($"{Prefix}_reports");
            e.HasKey(r => r.CaseId);
            e.Property(r => r.DraftText).HasMaxLength(50_000);
            e.Property(r => r.MemberComment).HasMaxLength(20_000);
            e.Property(r => r.FinalText).HasMaxLength(50_000);
            e.Property(r => r.RecommendedSanction).HasMaxLength(2000);
            e.Property(r => r.IssuedBy).HasMaxLength(256);
            e.Property(r => r.CouncilDecision).HasMaxLength(40);
            e.Property(r => r.RemedialMeasures).HasMaxLength(4000);
            e.Property(r => r.PublishedHash).HasMaxLength(64);
            e.Property(r => r.PublishedBy).HasMaxLength(256);
            e.Property(r => r.MemberResponse).HasMaxLength(20_000);
            e.Property(r => r.SharedResponse).HasMaxLength(20_000);
            e.Property(r => r.ResponseRedactionReason).HasMaxLength(2000);
            e.Property(r => r.Measures).HasMaxLength(200);
            // Added by migration 0005 to existing rows; a sentinel of true makes EF send false rather than take the default.
            e.Property(r => r.MemberNamed).HasDefaultValue(true).HasSentinel(true);
            e.Property(r => r.Reprimand).HasDefaultValue(false);
            e.Property(r => r.ResolutionNumber).HasMaxLength(60);
            e.HasOne<Case>().WithOne().HasForeignKey<ComplaintReport>(r => r.CaseId);
        });
        modelBuilder.Entity<TimelineEntry>(e =>
        {
            e.ToTable($"{Prefix}_timeline");
            e.Property(t => t.Text).HasMaxLength(25_000); // a step's text (up to 20,000) after its lead-in
            e.Property(t => t.By).HasMaxLength(256);
            e.HasIndex(t => new { t.CaseId, t.At });
        });
        modelBuilder.Entity<CaseEvidence>(e =>
        {
            e.ToTable($"{Prefix}_evidence");
            e.Property(f => f.FileName).HasMaxLength(200);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.UploadedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<HumanRightsReview>(e =>
        {
            e.ToTable($"{Prefix}_human_rights_reviews");
            e.HasKey(r => r.CaseId);
            e.Property(r => r.Assessments).HasMaxLength(8000);
            e.Property(r => r.Pattern).HasMaxLength(4000);
            e.Property(r => r.Finding).HasMaxLength(4000);
            e.Property(r => r.ReviewedBy).HasMaxLength(256);
            e.HasOne<Case>().WithOne().HasForeignKey<HumanRightsReview>(r => r.CaseId);
        });
        modelBuilder.Entity<AppealDecision>(e =>
        {
            e.ToTable($"{Prefix}_appeal_decisions");
            e.HasKey(d => d.CaseId);
            e.Property(d => d.Outcome).HasMaxLength(40);
            e.Property(d => d.Reasons).HasMaxLength(8000);
            e.Property(d => d.RuleRelied).HasMaxLength(60);
            e.Property(d => d.DecidedBy).HasMaxLength(256);
            e.Property(d => d.GroundAnswers).HasMaxLength(20_000);
            e.Property(d => d.ReviewOutcome).HasMaxLength(40);
            e.Property(d => d.ReviewReasons).HasMaxLength(8000);
            e.Property(d => d.ReviewedBy).HasMaxLength(256);
            e.HasOne<Case>().WithOne().HasForeignKey<AppealDecision>(d => d.CaseId);
        });
        modelBuilder.Entity<ComplaintProtocol>(e =>
        {
            e.ToTable($"{Prefix}_protocols");
            e.HasKey(p => p.MunicipalityId);
            e.Property(p => p.LocalBoards).HasMaxLength(2000);
            e.Property(p => p.PrivacyContact).HasMaxLength(500);
            e.Property(p => p.UpdatedBy).HasMaxLength(256);
            e.Ignore(p => p.LocalBoardList);
        });
        modelBuilder.Entity<ReferenceCounter>(e =>
        {
            e.ToTable($"{Prefix}_reference_counters");
            e.HasKey(c => new { c.Prefix, c.Year });
            e.Property(c => c.Prefix).HasMaxLength(3);
            e.Property(c => c.Last).IsConcurrencyToken(); // two filings at once cannot take the same number
        });
        modelBuilder.AddPlatformTables(Prefix, workflows: true);
        modelBuilder.FilterByMunicipality(this);
    }
}
