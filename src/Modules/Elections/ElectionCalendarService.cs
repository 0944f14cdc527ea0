using Governance.Elections.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections;

/// <summary>The Elections contract: the R12 calendar and the municipality's blackout setting.</summary>
internal sealed class ElectionCalendarService(ElectionsDbContext db) : IElectionCalendar
{
    public async Task<BlackoutStatus> BlackoutOnAsync(Guid municipalityId, DateOnly day, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId, cancellationToken) ?? new ElectionSettings();
        if (!ElectionCalendar.IsRegularElectionYear(day.Year))
        {
            return new BlackoutStatus(false, null, null, $"{day.Year} is not a municipal election year.");
        }

        // May 1 falls on a weekend in some years; statutory holidays never fall on it.
        var election = ElectionCalendar.Regular(day.Year, d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var window = Blackout.Window(election, settings.BlackoutRule, settings.BlackoutDaysBeforeVoting);
        var inside = Blackout.Contains(window, day);
        return new BlackoutStatus(inside, window.Starts, window.Ends, inside
            ? $"Election blackout from {window.Starts:d MMMM yyyy} to voting day, {window.Ends:d MMMM yyyy}: complaints are held until after voting day."
            : $"Outside the election blackout ({window.Starts:d MMMM yyyy} to {window.Ends:d MMMM yyyy}).");
    }
}
