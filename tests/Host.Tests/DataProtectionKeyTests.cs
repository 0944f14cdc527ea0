using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Platform.Data;
using Governance.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>The data-protection key ring lives in the database: hosts share it through the database alone.</summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folders.ForEach(TestFolders.TryDelete);
    }

    [Fact]
    public async Task Key_files_an_older_version_kept_in_the_keys_folder_are_imported_once_by_key_id_and_moved_aside()
    {
        var folder = NewFolder();
        var keys = Path.Combine(folder, "keys");
        // What an older version left: a key ring in keys/, and something it protected (a cookie, a tracking token).
        var old = DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("Governance"));
        var protectedBefore = old.CreateProtector("Governance.Test").Protect("made before the upgrade");
        var oldFile = Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
        var oldId = Guid.Parse(Path.GetFileNameWithoutExtension(oldFile)["key-".Length..]);

        string aside;
        await using (var app = new GovernanceFactory(dataFolder: folder))
        {
            await app.ClientForAsync("ic@demo.test"); // signs in: protects a token with the ring's default key
            Assert.Equal("made before the upgrade", Unprotect(app, protectedBefore));
            // The imported key is the ring: no new key was needed.
            Assert.Equal([oldId], KeyIds(app));
            Assert.Equal(["audit-chain.key"], Directory.GetFiles(keys).Select(Path.GetFileName));
            aside = Assert.Single(Directory.GetDirectories(folder, "keys-imported-*"));
            Assert.Equal([Path.GetFileName(oldFile)], Directory.GetFiles(aside).Select(Path.GetFileName));
        }

        // The same file again (a second host on the old folder, or a move that failed): skipped by its id.
        File.Copy(Path.Combine(aside, Path.GetFileName(oldFile)), oldFile);
        await using (var restarted = new GovernanceFactory(dataFolder: folder))
        {
            await restarted.ClientForAsync("ic@demo.test");
            Assert.Equal([oldId], KeyIds(restarted));
            Assert.Equal("made before the upgrade", Unprotect(restarted, protectedBefore));
            Assert.Empty(Directory.GetFiles(keys, "*.xml"));
        }
    }

    [Fact]
    public async Task A_data_folder_never_holds_a_data_protection_key()
    {
        await using var app = new GovernanceFactory();
        await app.ClientForAsync("ic@demo.test");
        Assert.Single(KeyIds(app));
        Assert.Empty(Directory.GetFiles(app.DataFolder, "*.xml", SearchOption.AllDirectories));
    }

    private static string Unprotect(WebApplicationFactory<Program> app, string protectedText)
        => app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Governance.Test").Unprotect(protectedText);

    /// <summary>The keys in the ring, read afresh from the database.</summary>
    internal static List<Guid> KeyIds(WebApplicationFactory<Program> app)
        => [.. app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).Order()];

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-keys-test-{Guid.NewGuid():N}");
        _folders.Add(folder);
        return folder;
    }
}

/// <summary>Two hosts on one PostgreSQL database, each with its own data folder: only the database is shared.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedKeyRingTests(PostgresServer server) : IDisposable
{
    private readonly string _shared = Path.Combine(Path.GetTempPath(), $"governance-audit-key-{Guid.NewGuid():N}");

    public void Dispose() => TestFolders.TryDelete(_shared);

    [Fact]
    public async Task A_token_and_a_tracking_link_made_on_one_host_work_on_another_that_shares_only_the_database()
    {
        var database = await server.CreateDatabaseAsync();
        // Every host must read the same audit key (see the README); it is kept apart here, not in either data folder.
        var auditKey = Path.Combine(_shared, "audit-chain.key");
        await using var first = new GovernanceFactory(DatabaseProvider.Postgres, database);
        var a = first.WithWebHostBuilder(b => b.UseSetting("Audit:KeyFile", auditKey));
        var login = await a.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "ic@demo.test", password = GovernanceFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var submission = Guid.NewGuid();
        var filed = await a.CreateClient().PostAsJsonAsync("/api/public/appeals", BackupRestoreTests.Appeal(submission));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var trackingUrl = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingUrl").GetString();

        await using var second = new GovernanceFactory(DatabaseProvider.Postgres, database);
        var b = second.WithWebHostBuilder(builder => builder.UseSetting("Audit:KeyFile", auditKey));
        Assert.NotEqual(first.DataFolder, second.DataFolder);
        var staff = b.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/cases")).StatusCode);
        // The same submission again: B reads the tracking token A protected, and answers with the same link.
        var repeat = await b.CreateClient().PostAsJsonAsync("/api/public/appeals", BackupRestoreTests.Appeal(submission));
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(trackingUrl, (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingUrl").GetString());

        Assert.Single(DataProtectionKeyTests.KeyIds(b));
        Assert.Equal(DataProtectionKeyTests.KeyIds(a), DataProtectionKeyTests.KeyIds(b));
        foreach (var folder in new[] { first.DataFolder, second.DataFolder })
        {
            Assert.Empty(Directory.GetFiles(folder, "*.xml", SearchOption.AllDirectories));
        }
    }
}
