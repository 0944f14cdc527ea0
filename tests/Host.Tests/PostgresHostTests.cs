using System.Net;
using Governance.Accounts;
using Governance.Platform.Data;
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
}
