using Governance.Accounts.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Platform;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Demo;

/// <summary>Development only: the demo municipality tracks the next regular election, with its members as candidates.</summary>
internal sealed class DemoSeeder(ElectionsDbContext db, IStaffDirectory staff, IMunicipalityDirectory municipalities, TimeProvider clock)
{
    public async Task SeedAsync(Guid municipalityId, CancellationToken ct)
    {
        var municipality = await municipalities.FindAsync(municipalityId, ct);
        if (municipality is null)
        {
            return;
        }

        var year = ElectionCalendar.NextElectionYear(clock.TodayIn(municipality.TimeZone));
        var election = ElectionCalendar.NewRegular(municipalityId, year, clock.GetUtcNow());
        if (await db.Elections.AnyAsync(e => e.MunicipalityId == municipalityId && e.VotingDay == election.VotingDay, ct))
        {
            return;
        }

        db.Elections.Add(election);
        foreach (var member in (await staff.StaffOfAsync(municipalityId, ct)).Where(s => s.Roles.Contains(StaffRoles.Member)))
        {
            db.Candidates.Add(new Candidate
            {
                Id = Guid.NewGuid(), MunicipalityId = municipalityId, ElectionId = election.Id, MemberUserId = member.UserId,
                MemberName = member.DisplayName, MemberEmail = member.Email, Office = "Councillor, Ward 1",
                IntendedFilingDate = election.NominationPeriodOpens.AddDays(14), CreatedAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
