using Governance.Elections.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections;

/// <summary>The Elections contract: the R12 calendar with the municipality's overrides and by-elections.</summary>
internal sealed class ElectionCalendarService(ElectionsDbContext db) : IElectionCalendar
{
    public async Task<IReadOnlyList<ElectionDatesInfo>> ElectionsInAsync(Guid municipalityId, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var byElections = await db.Elections.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.MunicipalityId == municipalityId && e.Kind == ElectionKind.ByElection && e.VotingDay >= from && e.VotingDay <= to)
            .ToListAsync(cancellationToken);
        var regular = await RegularAsync(db, municipalityId, year, cancellationToken);
        return byElections.Concat(regular is null ? [] : [regular])
            .Select(e => new ElectionDatesInfo(e.Name, e.Kind == ElectionKind.Regular, e.NominationDay, e.VotingDay, e.TermStarts))
            .OrderBy(e => e.VotingDay).ToList();
    }

    public async Task<NominationPeriodStatus> NominationPeriodOnAsync(Guid municipalityId, DateOnly day, CancellationToken cancellationToken)
    {
        var stored = await db.Elections.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.MunicipalityId == municipalityId && e.NominationPeriodOpens <= day && e.NominationDay >= day)
            .ToListAsync(cancellationToken);
        var regular = await RegularAsync(db, municipalityId, day.Year, cancellationToken);
        var election = stored.Concat(regular is null ? [] : [regular]).FirstOrDefault(e => e.InNominationPeriod(day));
        return election is null
            ? new NominationPeriodStatus(false, null, null, $"{day:d MMMM yyyy} is not in a nomination period.")
            : new NominationPeriodStatus(true, election.NominationPeriodOpens, election.NominationDay,
                $"Nomination period of the {election.Name}: {election.NominationPeriodOpens:d MMMM} to {election.NominationDay:d MMMM yyyy}.");
    }

    /// <summary>The regular election of a year: the municipality's row if it changed the dates, else the R12 dates.</summary>
    public static async Task<Election?> RegularAsync(ElectionsDbContext db, Guid municipalityId, int year, CancellationToken ct)
    {
        if (!ElectionCalendar.IsRegularElectionYear(year))
        {
            return null;
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Elections.IgnoreQueryFilters().AsNoTracking()
                   .FirstOrDefaultAsync(e => e.MunicipalityId == municipalityId && e.Kind == ElectionKind.Regular
                       && e.VotingDay >= from && e.VotingDay <= to, ct)
               ?? ElectionCalendar.NewRegular(municipalityId, year, DateTimeOffset.MinValue);
    }
}
