using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Elections.Contracts;
using Governance.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

public sealed class ElectionsApiTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private static readonly Guid Demo = AccountsModule.DemoMunicipalityId;
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task R12_the_clerk_sees_the_calendar_and_sets_the_blackout_that_complaints_ask_about()
    {
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var calendar = await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{Demo}/calendar/2026");
        Assert.Equal("2026-08-21", calendar.GetProperty("nominationDay").GetString());
        Assert.Equal("2026-10-26", calendar.GetProperty("votingDay").GetString());
        Assert.Equal("2026-08-21", calendar.GetProperty("blackoutStarts").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync($"/api/elections/municipalities/{Demo}/calendar/2027")).StatusCode);

        var moderator = await _app.ClientForAsync("moderator@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutAsJsonAsync($"/api/elections/municipalities/{Demo}/blackout",
            new { rule = "DaysBeforeVotingDay", daysBeforeVoting = 90 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PutAsJsonAsync($"/api/elections/municipalities/{Demo}/blackout",
            new { rule = "DaysBeforeVotingDay", daysBeforeVoting = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsJsonAsync($"/api/elections/municipalities/{Demo}/blackout",
            new { rule = "DaysBeforeVotingDay", daysBeforeVoting = 90 })).StatusCode);

        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var blackout = await scope.ServiceProvider.GetRequiredService<IElectionCalendar>()
            .BlackoutOnAsync(Demo, new DateOnly(2026, 8, 1), CancellationToken.None);
        Assert.True(blackout.InBlackout);
        Assert.Equal(new DateOnly(2026, 7, 28), blackout.Starts);

        var (otherId, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var other = await _app.ClientForAsync(otherClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/elections/municipalities/{Demo}/calendar/2026")).StatusCode);
        Assert.Equal("2026-08-21", (await other.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{otherId}/calendar/2026"))
            .GetProperty("blackoutStarts").GetString());
    }
}
