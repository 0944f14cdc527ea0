using System.Net;
using System.Net.Http.Json;
using Governance.Accounts;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Governance.Testing;
using Microsoft.Extensions.DependencyInjection;

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
}
