using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Governance.Testing;

namespace Governance.Host.Tests;

/// <summary>The whole host on PostgreSQL: migrations, Identity, tenancy and the clustered scheduler.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer server)
{
    [Fact]
    public async Task The_host_runs_on_postgres_with_a_clustered_scheduler_and_keeps_municipalities_apart()
    {
        await using var app = new GovernanceFactory(DatabaseProvider.Postgres, await server.CreateDatabaseAsync());
        var (status, body) = await app.WaitUntilReadyAsync();
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("Postgres answers", body, StringComparison.Ordinal);

        var (otherId, otherClerk) = await app.AddOtherMunicipalityAsync();
        var demoClerk = await app.ClientForAsync("clerk@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await demoClerk.GetAsync($"/api/municipalities/{otherId}")).StatusCode);
        var other = await app.ClientForAsync(otherClerk);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.GetAsync($"/api/municipalities/{AccountsModule.DemoMunicipalityId}")).StatusCode);
    }

    [Fact]
    public async Task Audit_chains_written_on_postgres_verify()
    {
        await using var app = new GovernanceFactory(DatabaseProvider.Postgres, await server.CreateDatabaseAsync());
        var resident = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var filed = await resident.PostAsJsonAsync("/api/public/appeals", new
            {
                municipality = "demo-township", accountDescription = "Demo Township Facebook page", subject = "Blocked",
                happenedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), email = "resident@example.ca", consent = true,
            });
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        // PostgreSQL keeps microseconds: an entry sealed with finer ticks would read back altered.
        var chains = await app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        Assert.All(chains, c => Assert.True(c.Intact, $"{c.Module}: entry {c.FirstBrokenSequence} {c.Problem}"));
        Assert.Equal(5, chains.Single(c => c.Module == "Complaints").Entries);
    }

    [Fact]
    public async Task A_case_is_filed_and_read_on_postgres_and_the_audit_chains_stay_intact()
    {
        // PostgreSQL keeps microseconds and takes UTC times only: audit hashes and times in queries must allow for both.
        await using var app = new GovernanceFactory(DatabaseProvider.Postgres, await server.CreateDatabaseAsync());
        var admin = await app.ClientForAsync("admin@demo.test");
        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            email = "audited@demo.test", displayName = "Audited Person", password = GovernanceFactory.Password,
            roles = new[] { "Clerk" }, municipalityIds = new[] { AccountsModule.DemoMunicipalityId },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var resident = app.CreateClient();
        var accounts = await resident.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/accounts");
        var filed = await resident.PostAsJsonAsync("/api/public/appeals", new
        {
            municipality = "demo-township", accountId = accounts.EnumerateArray().First().GetProperty("id").GetGuid(),
            platformHandle = "@resident", subject = "Blocked", happenedOn = GovernanceFactory.TodayInToronto(),
            email = "resident@example.ca", consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var reference = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();

        var manager = await app.ClientForAsync("manager@demo.test"); // appeals are the social media team's (R9), not the IC's
        var detail = await manager.GetAsync($"/api/cases/{reference}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var chains = await app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        Assert.All(chains, chain => Assert.True(chain.Intact, $"{chain.Module}: {chain.Problem}"));
        Assert.True(chains.Sum(c => c.Entries) >= 3);
    }
}
