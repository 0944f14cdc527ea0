using Governance.Accounts.Contracts;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Features.Setup;

/// <summary>
/// A new municipality starts with the default rule catalogue (R3), Toronto's article numbering (R10), Middlesex
/// Centre's service levels and Ontario holidays for this year and next (R14). Idempotent: delivery is at least once.
/// </summary>
internal sealed class SeedMunicipalityDefaults(PoliciesDbContext db, TimeProvider clock)
    : IIntegrationEventHandler<MunicipalityCreated>
{
    public async Task HandleAsync(MunicipalityCreated integrationEvent, CancellationToken cancellationToken)
    {
        var id = integrationEvent.MunicipalityId;
        var codes = await db.Rules.Where(r => r.MunicipalityId == id).Select(r => r.Code).ToListAsync(cancellationToken);
        db.Rules.AddRange(DefaultCatalogue.Rules.Where(r => !codes.Contains(r.Code)).Select(r => new ProhibitedContentRule
        {
            Id = Guid.NewGuid(), MunicipalityId = id, Code = r.Code, Title = r.Title, Description = r.Description,
            ReportToPolice = r.ReportToPolice,
        }));

        var titles = await db.Articles.Where(a => a.MunicipalityId == id).Select(a => a.Title).ToListAsync(cancellationToken);
        db.Articles.AddRange(DefaultCatalogue.Articles.Where(a => !titles.Contains(a.Title)).Select(a => new CodeArticle
        {
            Id = Guid.NewGuid(), MunicipalityId = id, Number = a.Number, Title = a.Title, Summary = a.Summary,
        }));

        if (!await db.ServiceLevels.AnyAsync(s => s.MunicipalityId == id, cancellationToken))
        {
            db.ServiceLevels.Add(new ServiceLevel { MunicipalityId = id });
        }

        var year = clock.GetUtcNow().Year;
        var dates = await db.Holidays.Where(h => h.MunicipalityId == id).Select(h => h.Date).ToListAsync(cancellationToken);
        db.Holidays.AddRange(OntarioHolidays.For(year).Concat(OntarioHolidays.For(year + 1))
            .Where(h => !dates.Contains(h.Date))
            .Select(h => new Holiday { Id = Guid.NewGuid(), MunicipalityId = id, Date = h.Date, Name = h.Name }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
