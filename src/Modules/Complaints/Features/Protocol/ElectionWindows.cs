using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Elections.Contracts;

namespace Governance.Complaints.Features.Protocol;

/// <summary>The IC's election period on a day (R12): the elections' dates from Elections, the window from the IC's protocol.</summary>
internal sealed class ElectionWindows(ComplaintsDbContext db, IElectionCalendar elections)
{
    public async Task<ElectionWindow?> OnAsync(Guid municipalityId, DateOnly day, CancellationToken ct)
        => ElectionPeriod.On(await ElectionsAroundAsync(municipalityId, day, ct), await CaseSteps.ProtocolOf(db, municipalityId, ct), day);

    /// <summary>The window of the latest election whose voting day is on or before a day (for restart deadlines), if any.</summary>
    public async Task<ElectionWindow?> LastBeforeAsync(Guid municipalityId, DateOnly day, CancellationToken ct)
    {
        var protocol = await CaseSteps.ProtocolOf(db, municipalityId, ct);
        return (await ElectionsAroundAsync(municipalityId, day, ct)).Where(e => e.VotingDay <= day)
            .Select(e => ElectionPeriod.Window(e, protocol)).Where(w => w is not null).MaxBy(w => w!.VotingDay);
    }

    /// <summary>This year's and last year's elections: a window extended past voting day can run into January.</summary>
    private async Task<List<ElectionDays>> ElectionsAroundAsync(Guid municipalityId, DateOnly day, CancellationToken ct)
    {
        var found = new List<ElectionDays>();
        foreach (var year in new[] { day.Year - 1, day.Year, day.Year + 1 })
        {
            found.AddRange((await elections.ElectionsInAsync(municipalityId, year, ct))
                .Select(e => new ElectionDays(e.Name, e.Regular, e.NominationDay, e.VotingDay)));
        }

        return found;
    }
}
