using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Elections.Contracts;
using Governance.Elections.Data;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

public sealed class ElectionsApiTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private static readonly Guid Demo = AccountsModule.DemoMunicipalityId;
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task R12_the_clerk_sees_the_calendar_dates_and_that_the_integrity_commissioner_sets_the_complaint_election_period()
    {
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var calendar = await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{Demo}/calendar/2026");
        Assert.Equal("2026-05-01", calendar.GetProperty("nominationPeriodOpens").GetString());
        Assert.Equal("2026-08-21", calendar.GetProperty("nominationDay").GetString());
        Assert.Equal("2026-10-26", calendar.GetProperty("votingDay").GetString());
        Assert.Equal("2026-11-15", calendar.GetProperty("termStarts").GetString());
        Assert.Equal("2026-12-31", calendar.GetProperty("campaignPeriodEnds").GetString());
        Assert.Contains("Integrity Commissioner sets the election period", calendar.GetProperty("complaintElectionPeriod").GetString(),
            StringComparison.Ordinal);
        // The clerk's blackout setting is gone from the response, not left behind with a stale value.
        Assert.DoesNotContain(calendar.EnumerateObject(), p => p.Name.StartsWith("blackout", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync($"/api/elections/municipalities/{Demo}/calendar/2027")).StatusCode);

        var (otherId, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var other = await _app.ClientForAsync(otherClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/elections/municipalities/{Demo}/calendar/2026")).StatusCode);
        Assert.Equal("2026-10-26", (await other.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{otherId}/calendar/2026"))
            .GetProperty("votingDay").GetString());
    }

    [Fact]
    public async Task R12_elections_in_2026_are_the_regular_election_and_the_clerks_by_election_in_voting_day_order()
    {
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        // Voting day after the regular election's, so the order is the calendar's doing, not the order of storage.
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/elections/municipalities/{Demo}/elections", new
        {
            kind = "ByElection", name = "Ward 4 by-election", nominationPeriodOpens = "2026-11-02", nominationDay = "2026-11-20",
            votingDay = "2026-12-14", termStarts = "2026-12-15", campaignPeriodEnds = "2027-01-28",
        })).StatusCode);
        // Another year's by-election is not in 2026.
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/elections/municipalities/{Demo}/elections", new
        {
            kind = "ByElection", name = "Ward 2 by-election", nominationPeriodOpens = "2027-02-01", nominationDay = "2027-03-05",
            votingDay = "2027-04-12", termStarts = "2027-04-13", campaignPeriodEnds = "2027-05-27",
        })).StatusCode);

        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var elections = await scope.ServiceProvider.GetRequiredService<IElectionCalendar>().ElectionsInAsync(Demo, 2026, CancellationToken.None);

        Assert.Collection(elections,
            regular =>
            {
                Assert.True(regular.Regular);
                Assert.Equal(new DateOnly(2026, 8, 21), regular.NominationDay);
                Assert.Equal(new DateOnly(2026, 10, 26), regular.VotingDay);
                Assert.Equal(new DateOnly(2026, 11, 15), regular.TermStarts);
            },
            by =>
            {
                Assert.False(by.Regular);
                Assert.Equal("Ward 4 by-election", by.Name);
                Assert.Equal(new DateOnly(2026, 11, 20), by.NominationDay);
                Assert.Equal(new DateOnly(2026, 12, 14), by.VotingDay);
            });
        var (otherId, _) = await _app.AddOtherMunicipalityAsync();
        Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<IElectionCalendar>().ElectionsInAsync(otherId, 2026,
            CancellationToken.None), e => !e.Regular);
    }

    [Fact]
    public async Task R12_the_clerk_can_no_longer_set_a_complaint_blackout_and_the_attempt_changes_nothing()
    {
        var before = await ElectionsStateAsync();
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var admin = await _app.ClientForAsync("admin@demo.test");
        foreach (var client in new[] { clerk, admin })
        {
            var response = await client.PutAsJsonAsync($"/api/elections/municipalities/{Demo}/blackout",
                new { rule = "DaysBeforeVotingDay", daysBeforeVoting = 90 });
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        }

        // The calendar page's old form, posted from a page left open since before the change.
        var browser = await Security.StaffWeb.CookieClientAsync(_app, "clerk@demo.test");
        var posted = await Security.StaffWeb.PostFormAsync(browser, "/elections",
            new() { ["Rule"] = "DaysBeforeVotingDay", ["DaysBeforeVoting"] = "90" });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);

        Assert.Equal(before, await ElectionsStateAsync());
        // The IC's election period is the complaint protocol's now (ElectionPeriodTests); Elections only gives the dates.
    }

    /// <summary>What a stored change in Elections would show: its audit trail and its elections.</summary>
    private async Task<string> ElectionsStateAsync()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ElectionsDbContext>();
        var audit = await db.Set<AuditEntry>().OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        var elections = await db.Elections.OrderBy(e => e.Id).Select(e => $"{e.Id} {e.NominationDay} {e.VotingDay}").ToListAsync();
        return string.Join("\n", audit.Concat(elections));
    }
}
