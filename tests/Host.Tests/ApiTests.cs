using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Governance.SharedKernel;
using Governance.Accounts.Data;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

public sealed class ApiTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Health_endpoints_report_live_and_ready_with_database_and_scheduler()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var (status, body) = await _app.WaitUntilReadyAsync();
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"scheduler\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var document = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
        Assert.True(paths.TryGetProperty("/api/municipalities/{id}", out _));
    }

    [Fact]
    public async Task Staff_of_one_municipality_get_404_for_another_municipalitys_ids()
    {
        var (otherId, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var demoClerk = await _app.ClientForAsync("clerk@demo.test");
        var other = await _app.ClientForAsync(otherClerk);

        var mine = await demoClerk.GetFromJsonAsync<JsonElement>("/api/municipalities");
        Assert.Equal(["Demo Township"], mine.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await demoClerk.GetAsync($"/api/municipalities/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.GetAsync($"/api/municipalities/{AccountsModule.DemoMunicipalityId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/municipalities/{otherId}")).StatusCode);
    }

    [Fact]
    public async Task Api_errors_are_problem_details()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var anonymous = await client.GetAsync("/api/municipalities");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var register = await client.PostAsJsonAsync("/api/auth/register", new { email = "me@example.test", password = "Aa1!aaaaaaaaaa" });
        Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
        Assert.Equal("application/problem+json", register.Content.Headers.ContentType?.MediaType);

        var unknown = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_slow_down_the_address_without_locking_the_account()
    {
        // ASVS 2.2.1: five free tries from one address, then a wait that doubles; the account itself is never locked,
        // so nobody can lock a colleague out with five requests. A real and an unknown account get the same answers.
        var clock = new FakeClock();
        await using var app = new GovernanceFactory { Clock = clock };
        var client = app.CreateClient();
        async Task<(HttpStatusCode Status, string Body)> TryAsync(string email, string password)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        foreach (var email in new[] { "moderator@demo.test", "nobody@demo.test" })
        {
            var answers = new List<(HttpStatusCode Status, string Body)>();
            for (var i = 0; i < 5; i++)
            {
                answers.Add(await TryAsync(email, "Wrong-Password-1!"));
            }

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
            Assert.All(answers, a => Assert.DoesNotContain("LockedOut", a.Body, StringComparison.Ordinal));
            var waiting = await TryAsync(email, GovernanceFactory.Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, waiting.Status);
            Assert.Contains("Wait 1 seconds", waiting.Body, StringComparison.Ordinal);
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        // After the wait the right password works: the account was never locked.
        Assert.Equal(HttpStatusCode.OK, (await TryAsync("moderator@demo.test", GovernanceFactory.Password)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync("nobody@demo.test", GovernanceFactory.Password)).Status);
    }

    [Fact]
    public async Task Only_an_administrator_creates_staff_and_bad_input_changes_nothing()
    {
        var (otherId, _) = await _app.AddOtherMunicipalityAsync();
        var admin = await _app.ClientForAsync("admin@demo.test");
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        object Request(string email, string password, string[] roles, Guid municipality) => new
        {
            email, displayName = "New Person", password, roles, municipalityIds = new[] { municipality },
        };
        var demo = AccountsModule.DemoMunicipalityId;

        Assert.Equal(HttpStatusCode.Forbidden,
            (await clerk.PostAsJsonAsync("/api/staff", Request("a@demo.test", "Strong-Password-1!", ["Clerk"], demo))).StatusCode);

        var weak = await admin.PostAsJsonAsync("/api/staff", Request("b@demo.test", "weakpassword", ["Clerk"], demo));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));

        var badRole = await admin.PostAsJsonAsync("/api/staff", Request("c@demo.test", "Strong-Password-1!", ["Mayor"], demo));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);

        var otherTown = await admin.PostAsJsonAsync("/api/staff", Request("d@demo.test", "Strong-Password-1!", ["Clerk"], otherId));
        Assert.Equal(HttpStatusCode.BadRequest, otherTown.StatusCode);

        var script = await admin.PostAsJsonAsync("/api/staff", Request("<script>@x", "Strong-Password-1!", ["Clerk"], demo));
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);

        var staffBefore = (await admin.GetFromJsonAsync<JsonElement>("/api/staff")).GetArrayLength();
        Assert.Equal(7, staffBefore);

        var created = await admin.PostAsJsonAsync("/api/staff", Request("new.clerk@demo.test", "Strong-Password-1!", ["Clerk"], demo));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await admin.PostAsJsonAsync("/api/staff", Request("new.clerk@demo.test", "Strong-Password-1!", ["Clerk"], demo));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(8, (await admin.GetFromJsonAsync<JsonElement>("/api/staff")).GetArrayLength());

        var newClerk = await _app.ClientForAsync("new.clerk@demo.test", "Strong-Password-1!");
        Assert.Equal(HttpStatusCode.OK, (await newClerk.GetAsync($"/api/municipalities/{demo}")).StatusCode);

        var chains = await _app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        var accounts = Assert.Single(chains, c => c.Module == "Accounts");
        Assert.True(accounts.Intact);
        // Besides the security events (sign-ins, the clerk's refusal), one change: the account created.
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var changes = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<AuditEntry>()
            .Where(e => !e.Action.StartsWith("security.")).Select(e => e.Action).ToListAsync();
        Assert.Equal(["staff.created"], changes);
    }
}
