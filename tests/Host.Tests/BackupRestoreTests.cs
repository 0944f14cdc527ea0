using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Governance.Accounts;
using Governance.Complaints;
using Governance.Elections;
using Governance.Platform;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Governance.Policies;
using Governance.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>--backup while the app runs and --restore into another data folder, as an operator would run them.</summary>
[Trait("Category", "Slow")]
public sealed class BackupRestoreTests : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            TestFolders.TryDelete(folder);
        }
    }

    [Fact]
    public async Task An_online_backup_restores_every_case_filed_before_it_and_none_filed_after()
    {
        var backup = NewFolder();
        var restored = NewFolder();
        var submission = Guid.NewGuid();
        string[] before, after;
        string firstTrackingUrl;
        AuthenticationHeaderValue? signedInBefore;
        await using (var source = new GovernanceFactory())
        {
            var resident = source.CreateClient();
            var first = await FileAppealAsync(resident, submission, AccountsApiTests.Png);
            firstTrackingUrl = first.TrackingUrl;
            before = [first.Reference, (await FileAppealAsync(resident)).Reference, await FileComplaintAsync(resident)];
            signedInBefore = (await source.ClientForAsync("ic@demo.test")).DefaultRequestHeaders.Authorization;

            var (backedUp, log) = RunHost(source.DataFolder, "--backup", backup);
            Assert.True(backedUp == 0, log);
            // The data-protection keys travel inside the database copy; the keys folder holds only the audit key.
            Assert.Equal(["audit-chain.key"], Directory.GetFiles(Path.Combine(backup, "keys")).Select(Path.GetFileName));

            after = [(await FileAppealAsync(resident)).Reference, await FileComplaintAsync(resident)];

            // Never under a running app, even with --force.
            var (refused, why) = RunHost(source.DataFolder, "--restore", backup, "--force");
            Assert.Equal(1, refused);
            Assert.Contains("appears to be running", why, StringComparison.Ordinal);
            // Appeals are the social media team's, complaints the IC's (R9, R15): the five cases, between them.
            var ic = await source.ClientForAsync("ic@demo.test");
            var team = await source.ClientForAsync("manager@demo.test");
            Assert.Equal(5, (await ic.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength()
                + (await team.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength());
        }

        var (code, output) = RunHost(restored, "--restore", backup);
        Assert.True(code == 0, output);

        await using var app = new GovernanceFactory(dataFolder: restored);
        var icAfter = await app.ClientForAsync("ic@demo.test");
        var teamAfter = await app.ClientForAsync("manager@demo.test");
        HttpClient Reader(string reference) => reference.StartsWith("APL", StringComparison.Ordinal) ? teamAfter : icAfter;
        foreach (var reference in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await Reader(reference).GetAsync($"/api/cases/{reference}")).StatusCode);
        }

        foreach (var reference in after)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Reader(reference).GetAsync($"/api/cases/{reference}")).StatusCode);
        }

        // The evidence came back with its case, byte for byte.
        var detail = await teamAfter.GetFromJsonAsync<JsonElement>($"/api/cases/{before[0]}");
        var evidenceId = detail.GetProperty("evidence")[0].GetProperty("id").GetGuid();
        Assert.Equal(AccountsApiTests.Png, await teamAfter.GetByteArrayAsync($"/api/cases/{before[0]}/evidence/{evidenceId}"));

        // The keys came back in the database: a token issued before the backup still opens the API,
        var earlier = app.CreateClient();
        earlier.DefaultRequestHeaders.Authorization = signedInBefore;
        Assert.Equal(HttpStatusCode.OK, (await earlier.GetAsync("/api/cases")).StatusCode);
        // and the encrypted tracking token is readable, so a repeated submission gets the same link.
        var repeat = await app.CreateClient().PostAsJsonAsync("/api/public/appeals", Appeal(submission));
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(firstTrackingUrl, (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingUrl").GetString());

        var audit = await app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        Assert.All(audit, r => Assert.True(r.Intact, $"{r.Module}: {r.Problem}"));
        Assert.True(audit.Single(r => r.Module == "Complaints").Entries >= before.Length);
    }

    [Fact]
    public async Task A_tampered_backup_is_refused_and_changes_nothing_and_a_forced_restore_keeps_what_it_replaced()
    {
        var backup = NewFolder();
        var target = NewFolder();
        string restoredCase;
        await using (var source = new GovernanceFactory())
        {
            restoredCase = (await FileAppealAsync(source.CreateClient(), evidence: AccountsApiTests.Png)).Reference;
            await FileAppealAsync(source.CreateClient());
            await FileAppealAsync(source.CreateClient());
            var (backedUp, log) = RunHost(source.DataFolder, "--backup", backup);
            Assert.True(backedUp == 0, log);
        }

        string kept;
        await using (var existing = new GovernanceFactory(dataFolder: target))
        {
            kept = (await FileAppealAsync(existing.CreateClient())).Reference;
            await FileAppealAsync(existing.CreateClient());
        }

        SqliteConnection.ClearAllPools();
        var fingerprint = Fingerprint(target);

        // Without --force, existing data is never replaced.
        var (unforced, why) = RunHost(target, "--restore", backup);
        Assert.Equal(1, unforced);
        Assert.Contains("--force", why, StringComparison.Ordinal);
        Assert.Equal(fingerprint, Fingerprint(target));

        // One byte changed in the database copy: its SHA-256 no longer matches the manifest.
        var copy = Path.Combine(backup, "databases", "governance.db");
        var bytes = await File.ReadAllBytesAsync(copy);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(copy, bytes);
        var (code, output) = RunHost(target, "--restore", backup, "--force");
        Assert.Equal(1, code);
        Assert.Contains("databases/governance.db: SHA-256", output, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", output, StringComparison.Ordinal);
        Assert.Equal(fingerprint, Fingerprint(target));

        await using (var app = new GovernanceFactory(dataFolder: target))
        {
            var staff = await app.ClientForAsync("manager@demo.test"); // appeals are the social media team's
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/cases/{kept}")).StatusCode);
            Assert.Equal(2, (await staff.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength());
        }

        // Put the byte back: with --force the sound backup replaces the data, which is kept aside.
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(copy, bytes);
        SqliteConnection.ClearAllPools();
        var (forced, forcedLog) = RunHost(target, "--restore", backup, "--force");
        Assert.True(forced == 0, forcedLog);
        var aside = Assert.Single(Directory.GetDirectories(target, "replaced-*"));
        Assert.True(File.Exists(Path.Combine(aside, "governance.db")));
        await using var restored = new GovernanceFactory(dataFolder: target);
        var team = await restored.ClientForAsync("manager@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/api/cases/{restoredCase}")).StatusCode);
        Assert.Equal(3, (await team.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength());
    }

    [Fact]
    public async Task Restoring_a_backup_archive_from_an_older_version_upgrades_its_schema()
    {
        var old = NewFolder();
        var backup = NewFolder();
        var target = NewFolder();
        await using (var services = Services(old))
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None, upTo: "0001_identity");
            var (_, manifest) = await services.GetRequiredService<SqliteBackup>().BackupAsync(Path.Combine(backup, "old.zip"), CancellationToken.None);
            Assert.Equal("0001_identity", manifest.SchemaVersions["Accounts"]);
        }

        await using (var services = Services(target))
        {
            var outcome = await services.GetRequiredService<SqliteBackup>().RestoreAsync(Path.Combine(backup, "old.zip"), force: false, CancellationToken.None);
            Assert.True(outcome.MigrationsApplied > 0);
            Assert.Equal(0, await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None));
        }
    }

    [Fact]
    public void On_postgres_both_commands_refuse_and_point_to_pg_dump_and_pg_restore()
    {
        var folder = NewFolder();
        var postgres = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Governance"] = "Host=localhost;Database=governance",
        };
        var (backedUp, backupLog) = RunHost(folder, ["--backup", Path.Combine(folder, "b")], postgres);
        Assert.Equal(1, backedUp);
        Assert.Contains("pg_dump", backupLog, StringComparison.Ordinal);
        var (restored, restoreLog) = RunHost(folder, ["--restore", Path.Combine(folder, "b")], postgres);
        Assert.Equal(1, restored);
        Assert.Contains("pg_restore", restoreLog, StringComparison.Ordinal);
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-backup-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }

    internal static object Appeal(Guid? submissionId = null) => new
    {
        municipality = "demo-township", accountDescription = "Demo Township Facebook page", subject = "PostDeleted",
        happenedOn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"), contentPosted = "Why is the library closing early?",
        reasonGiven = "None given", grounds = Array.Empty<string>(), name = "Robin Resident", email = "robin@example.ca",
        consent = true, submissionId,
    };

    internal static async Task<(string Reference, string TrackingUrl)> FileAppealAsync(HttpClient client, Guid? submissionId = null,
        byte[]? evidence = null)
    {
        HttpContent content = JsonContent.Create(Appeal(submissionId));
        if (evidence is not null)
        {
            var file = new ByteArrayContent(evidence);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content = new MultipartFormDataContent
            {
                { new StringContent(JsonSerializer.Serialize(Appeal(submissionId))), "data" },
                { file, "evidence", "screenshot.png" },
            };
        }

        var response = await client.PostAsync("/api/public/appeals", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (filed.GetProperty("reference").GetString()!, filed.GetProperty("trackingUrl").GetString()!);
    }

    private static async Task<string> FileComplaintAsync(HttpClient client)
    {
        var members = await client.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/members");
        var articles = await client.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/articles");
        var response = await client.PostAsJsonAsync("/api/public/complaints", new
        {
            municipality = "demo-township", memberId = members[0].GetProperty("id").GetGuid(), postLinks = "https://x.com/CllrMax/status/1",
            articles = new[] { articles[0].GetProperty("id").GetGuid() }, whatHappened = "The councillor called a resident names.",
            allegesDiscrimination = false, name = "Jordan Complainant", email = "jordan@example.ca", phone = "519-555-0100",
            postalAddress = "1 Main St", declarationName = "Jordan Complainant", declarationConfirmed = true, consent = true,
            conductOn = GovernanceFactory.TodayInToronto(), awareOn = GovernanceFactory.TodayInToronto(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    /// <summary>Every file in a data folder with its SHA-256 (the lock file aside: it is empty and only ever locked).</summary>
    private static List<string> Fingerprint(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != DataFolderLock.FileName)
        .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}")
        .Order(StringComparer.Ordinal)
        .ToList();

    internal static ServiceProvider Services(string dataFolder)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlatform(new ConfigurationBuilder().Build(),
            new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataFolder, "governance.db")}"), new StoragePaths(dataFolder));
        services.AddAccountsModule().AddPoliciesModule().AddComplaintsModule().AddElectionsModule();
        return services.BuildServiceProvider();
    }

    internal static (int ExitCode, string Output) RunHost(string dataFolder, params string[] args) => RunHost(dataFolder, args, []);

    /// <summary>Runs the built host as a separate process, as an operator would: <c>dotnet Governance.Host.dll ...</c>.</summary>
    private static (int ExitCode, string Output) RunHost(string dataFolder, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Governance.Host.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Storage__DataFolder"] = dataFolder;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Governance.Host.dll {string.Join(' ', args)} did not finish: {stdout.Result}{stderr.Result}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
