using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Elections.Features;

/// <summary>
/// A regular election's dates (R12), the municipality's if the clerk changed them. It carries no complaint election
/// period: the Integrity Commissioner sets that in the complaint protocol (Complaints); <see cref="ComplaintElectionPeriod"/>
/// says so in words.
/// </summary>
internal sealed record CalendarResponse(int Year, DateOnly NominationPeriodOpens, DateOnly NominationDay, DateOnly VotingDay,
    DateOnly TermStarts, DateOnly CampaignPeriodEnds)
{
    /// <summary>Who sets the complaint election period, in plain words; the clerk does not set it here.</summary>
    public string ComplaintElectionPeriod =>
        "The Integrity Commissioner sets the election period for Code of Conduct complaints in the complaint protocol. "
        + "It covers at least nomination day to voting day of a regular election; the protocol may make it longer.";
}

/// <summary>The municipality's election calendar (R12), for staff.</summary>
internal sealed class ElectionCalendarQueries(ElectionsDbContext db, ITenantScope tenant)
{
    public async Task<Result<CalendarResponse>> CalendarAsync(Guid municipalityId, int year, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return Result<CalendarResponse>.NotFound();
        }

        if (!ElectionCalendar.IsRegularElectionYear(year))
        {
            return Result<CalendarResponse>.Invalid("year", $"{year} is not a regular municipal election year (2022, 2026, 2030...).");
        }

        var e = (await ElectionCalendarService.RegularAsync(db, municipalityId, year, ct))!;
        return Result<CalendarResponse>.Ok(new CalendarResponse(year, e.NominationPeriodOpens, e.NominationDay, e.VotingDay,
            e.TermStarts, e.CampaignPeriodEnds));
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/elections/municipalities/{municipalityId:guid}").WithTags("Elections").RequireAuthorization();
        api.MapGet("/calendar/{year:int}", async (Guid municipalityId, int year, ElectionCalendarQueries queries, CancellationToken ct) =>
            (await queries.CalendarAsync(municipalityId, year, ct)).ToHttp(c => TypedResults.Ok(c)));
    }
}
