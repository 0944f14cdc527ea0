using System.Net;

namespace Governance.Cluster.Tests;

/// <summary>A new installation whose hosts start at the same moment, as an orchestrator starts replicas.</summary>
[Trait("Category", "Slow")]
public sealed class StartupTests
{
    [Fact]
    public async Task Hosts_started_together_on_a_new_database_both_come_up_and_accept_each_others_sign_ins()
    {
        await using var cluster = await Cluster.CreateAsync();
        var hosts = await Task.WhenAll(Task.Run(() => cluster.StartAsync("A")), Task.Run(() => cluster.StartAsync("B")));

        foreach (var (signIn, use) in new[] { (hosts[0], hosts[1]), (hosts[1], hosts[0]) })
        {
            using var staff = Api.Staff(use, await Api.LoginAsync(signIn, "ic@demo.test"));
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(1, await cluster.ScalarAsync<long>("SELECT COUNT(*) FROM accounts_municipalities"));
        Assert.Equal(2, (await cluster.ServersAsync()).Count);
    }
}
