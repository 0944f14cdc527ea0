using Governance.Accounts.Contracts;
using Governance.Policies.Contracts;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies;

/// <summary>The Policies contract for other modules. Reads ignore the caller's scope but always name the municipality.</summary>
internal sealed class PolicyCatalog(PoliciesDbContext db, IMunicipalityDirectory municipalities) : IPolicyCatalog, IServiceCalendar
{
    public Task<ModerationRule?> FindRuleAsync(Guid municipalityId, Guid ruleId, CancellationToken cancellationToken)
        => db.Rules.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId && r.Id == ruleId && r.Active)
            .Select(r => new ModerationRule(r.Id, r.Code, r.Title, r.Description, r.ReportToPolice))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ModerationRule>> RulesAsync(Guid municipalityId, CancellationToken cancellationToken)
        => await db.Rules.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId && r.Active).OrderBy(r => r.Title)
            .Select(r => new ModerationRule(r.Id, r.Code, r.Title, r.Description, r.ReportToPolice))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Contracts.ConductArticle>> ArticlesAsync(Guid municipalityId, CancellationToken cancellationToken)
        => await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId && a.Active).OrderBy(a => a.Title)
            .Select(a => new Contracts.ConductArticle(a.Id, a.Number, a.Title, a.Summary))
            .ToListAsync(cancellationToken);

    public async Task<PolicyVersionInfo?> HouseRulesInForceAsync(Guid municipalityId, Guid? accountId, DateOnly date,
        CancellationToken cancellationToken)
    {
        var municipality = await municipalities.FindAsync(municipalityId, cancellationToken);
        if (municipality is null)
        {
            return null;
        }

        // The account's own rules if it has them in force, else the municipality's.
        foreach (var scope in accountId is null ? new Guid?[] { null } : [accountId, null])
        {
            var found = await (from v in db.Versions.IgnoreQueryFilters().AsNoTracking()
                               join d in db.Documents.IgnoreQueryFilters() on v.DocumentId equals d.Id
                               where d.MunicipalityId == municipalityId && d.AccountId == scope
                                     && v.Status == VersionStatus.Published && v.EffectiveFrom <= date
                               orderby v.EffectiveFrom descending, v.Number descending
                               select new { v.Id, v.DocumentId, d.Title, v.Number, v.EffectiveFrom })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is not null)
            {
                return new PolicyVersionInfo(found.Id, found.DocumentId, found.Title, found.Number, found.EffectiveFrom!.Value,
                    scope, $"/house-rules/{municipality.Slug}/{found.DocumentId}?version={found.Number}");
            }
        }

        return null;
    }

    public async Task<Deadline> AddBusinessDaysAsync(Guid municipalityId, DateTimeOffset start, int days,
        CancellationToken cancellationToken)
        => (await CalendarAsync(municipalityId, cancellationToken)).AddBusinessDays(start, days);

    public async Task<Deadline> AddBusinessHoursAsync(Guid municipalityId, DateTimeOffset start, TimeSpan hours,
        CancellationToken cancellationToken)
        => (await CalendarAsync(municipalityId, cancellationToken)).AddBusinessHours(start, hours);

    internal async Task<BusinessCalendar> CalendarAsync(Guid municipalityId, CancellationToken cancellationToken)
    {
        var municipality = await municipalities.FindAsync(municipalityId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown municipality {municipalityId}.");
        var level = await db.ServiceLevels.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, cancellationToken) ?? new ServiceLevel();
        var holidays = await db.Holidays.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.MunicipalityId == municipalityId)
            .ToDictionaryAsync(h => h.Date, h => h.Name, cancellationToken);
        return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(municipality.TimeZone),
            level.Days.ToDictionary(d => d, _ => (level.Opens, level.Closes)), holidays);
    }
}
