using Governance.Platform;
using Governance.Accounts.Contracts;
using Governance.Platform.Audit;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Features.HouseRules;

/// <summary>
/// Terms of use and house rules (R2): drafts are edited freely; publishing checks the required elements and
/// fixes the version forever; a change is a new version with a later effective date.
/// </summary>
internal sealed class HouseRulesService(
    PoliciesDbContext db,
    ITenantScope tenant,
    ICurrentActor actor,
    IAccountRegistry accounts,
    IMunicipalityDirectory municipalities,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<Result<PolicyVersion>> CreateDocumentAsync(Guid municipalityId, string title, Guid? accountId,
        CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return Result<PolicyVersion>.Invalid("municipalityId", "You do not serve this municipality.");
        }

        if (accountId is { } account && await accounts.FindAsync(municipalityId, account, ct) is null)
        {
            return Result<PolicyVersion>.Invalid("accountId", "No such account in this municipality.");
        }

        var now = clock.GetUtcNow();
        var document = new PolicyDocument
        {
            Id = Guid.NewGuid(), MunicipalityId = municipalityId, AccountId = accountId, Title = title.Trim(), CreatedAt = now,
        };
        var draft = NewDraft(document, 1, "", [], now);
        db.Documents.Add(document);
        db.Versions.Add(draft);
        audit.Record(db, "policy.created", "PolicyDocument", document.Id.ToString(), municipalityId, document.Title);
        await db.SaveChangesAsync(ct);
        return Result<PolicyVersion>.Ok(draft);
    }

    public async Task<Result<PolicyVersion>> SaveDraftAsync(Guid versionId, string body,
        IReadOnlyDictionary<string, string> coverage, CancellationToken ct)
    {
        var version = await db.Versions.Include(v => v.Coverage).FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return Result<PolicyVersion>.NotFound();
        }

        if (version.Status == VersionStatus.Published)
        {
            return Result<PolicyVersion>.Conflict("This version is published and cannot change. Start a new version.");
        }

        var unknown = coverage.Keys.Where(k => !RequiredElements.IsKnown(k)).ToList();
        if (unknown.Count > 0)
        {
            return Result<PolicyVersion>.Invalid("coverage", $"Unknown element(s): {string.Join(", ", unknown)}.");
        }

        if (coverage.Values.Any(v => v?.Length > 300))
        {
            return Result<PolicyVersion>.Invalid("coverage", "Name the section in at most 300 characters.");
        }

        version.Body = body;
        version.Coverage.Clear();
        version.Coverage.AddRange(coverage.Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => new ElementCoverage { VersionId = version.Id, ElementCode = c.Key, Section = c.Value.Trim() }));
        version.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, "policy.draft-saved", "PolicyVersion", version.Id.ToString(), version.MunicipalityId);
        await db.SaveChangesAsync(ct);
        return Result<PolicyVersion>.Ok(version);
    }

    public async Task<Result<PolicyVersion>> PublishAsync(Guid versionId, DateOnly? effectiveFrom, string? overrideReason,
        CancellationToken ct)
    {
        var version = await db.Versions.Include(v => v.Coverage).FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return Result<PolicyVersion>.NotFound();
        }

        if (version.Status == VersionStatus.Published)
        {
            return Result<PolicyVersion>.Conflict("This version is already published.");
        }

        var errors = new Dictionary<string, string[]>();
        var today = await TodayAsync(version.MunicipalityId, ct);
        if (effectiveFrom is null)
        {
            errors["effectiveFrom"] = ["Enter the date the rules take effect."];
        }
        else if (effectiveFrom < today)
        {
            errors["effectiveFrom"] = [$"The effective date cannot be in the past (today is {today:yyyy-MM-dd})."];
        }

        if (string.IsNullOrWhiteSpace(version.Body))
        {
            errors["body"] = ["The document has no text yet."];
        }

        var missing = RequiredElements.Missing(version.CoverageBySection);
        var overriding = !string.IsNullOrWhiteSpace(overrideReason);
        if (missing.Count > 0 && !overriding)
        {
            errors["coverage"] = [$"Missing required element(s): {string.Join("; ", missing.Select(m => m.Title))}."];
        }
        else if (overriding && !actor.IsInRole(StaffRoles.Administrator))
        {
            errors["overrideReason"] = ["Only an Administrator can publish with required elements missing."];
        }

        if (errors.Count > 0)
        {
            return Result<PolicyVersion>.Invalid(errors);
        }

        version.Status = VersionStatus.Published;
        version.EffectiveFrom = effectiveFrom;
        version.PublishedAt = clock.GetUtcNow();
        version.PublishedBy = actor.Name;
        version.OverrideReason = missing.Count > 0 ? overrideReason!.Trim() : null;
        audit.Record(db, "policy.published", "PolicyVersion", version.Id.ToString(), version.MunicipalityId,
            missing.Count > 0 ? $"override: {version.OverrideReason}" : null);
        await db.SaveChangesAsync(ct);
        return Result<PolicyVersion>.Ok(version);
    }

    /// <summary>A new draft, starting from the latest version's text and coverage.</summary>
    public async Task<Result<PolicyVersion>> NewVersionAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.Include(d => d.Versions).ThenInclude(v => v.Coverage)
            .FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return Result<PolicyVersion>.NotFound();
        }

        if (document.Versions.Any(v => v.Status == VersionStatus.Draft))
        {
            return Result<PolicyVersion>.Conflict("This document already has a draft. Finish or edit that one.");
        }

        var latest = document.Versions.MaxBy(v => v.Number)!;
        var draft = NewDraft(document, latest.Number + 1, latest.Body, latest.Coverage, clock.GetUtcNow());
        db.Versions.Add(draft);
        audit.Record(db, "policy.new-version", "PolicyDocument", document.Id.ToString(), document.MunicipalityId);
        await db.SaveChangesAsync(ct);
        return Result<PolicyVersion>.Ok(draft);
    }

    private async Task<DateOnly> TodayAsync(Guid municipalityId, CancellationToken ct)
    {
        var municipality = await municipalities.FindAsync(municipalityId, ct);
        return clock.TodayIn(municipality?.TimeZone ?? "America/Toronto");
    }

    private static PolicyVersion NewDraft(PolicyDocument document, int number, string body,
        IEnumerable<ElementCoverage> coverage, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        return new PolicyVersion
        {
            Id = id,
            DocumentId = document.Id,
            MunicipalityId = document.MunicipalityId,
            Number = number,
            Status = VersionStatus.Draft,
            Body = body,
            UpdatedAt = now,
            Coverage = coverage.Select(c => new ElementCoverage { VersionId = id, ElementCode = c.ElementCode, Section = c.Section }).ToList(),
        };
    }
}
