using System.Net;
using System.Net.Http.Json;

namespace Governance.Host.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_keeps_all_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-restart-{Guid.NewGuid():N}");
        try
        {
            await using (var first = new GovernanceFactory(dataFolder: folder))
            {
                var admin = await first.ClientForAsync("admin@demo.test");
                var created = await admin.PostAsJsonAsync("/api/staff", new
                {
                    email = "kept@demo.test", displayName = "Kept", password = "Strong-Password-1!",
                    roles = new[] { "Moderator" }, municipalityIds = new[] { Accounts.AccountsModule.DemoMunicipalityId },
                });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            await using var second = new GovernanceFactory(dataFolder: folder);
            var kept = await second.ClientForAsync("kept@demo.test", "Strong-Password-1!");
            Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/municipalities")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Governance.Testing.TestFolders.TryDelete(folder);
        }
    }
}
