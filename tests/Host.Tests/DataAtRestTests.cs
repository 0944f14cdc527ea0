using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts.Data;
using Governance.Complaints.Data;
using Governance.Platform.Mail;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>What stays on disk: delivered secrets are cleared from the outbox, and the data folder is the owner's alone.</summary>
public sealed class DataAtRestTests : IAsyncLifetime
{
    private readonly GovernanceFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<OutboxMessage>> MailsAsync<TContext>() where TContext : DbContext
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>()
            .Where(m => m.Kind == OutboxKind.Mail).ToListAsync();
    }

    [Fact]
    public async Task Tracking_links_and_reset_codes_are_cleared_from_the_outbox_once_delivered()
    {
        var (reference, trackingUrl) = await BackupRestoreTests.FileAppealAsync(_app.CreateClient());
        var token = trackingUrl[(trackingUrl.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        var reset = await _app.CreateClient().PostAsJsonAsync("/api/auth/forgotPassword", new { email = "clerk@demo.test" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        await _app.DispatchOutboxAsync();
        Assert.True(await SchedulerTests.EventuallyAsync(async () => (await MailsAsync<ComplaintsDbContext>())
            .Concat(await MailsAsync<AccountsDbContext>()).All(m => m.ProcessedAt is not null)), "every e-mail was delivered");

        var filing = Assert.Single(await MailsAsync<ComplaintsDbContext>(), m => m.Payload.Contains(reference, StringComparison.Ordinal));
        Assert.NotNull(filing.ProcessedAt);
        Assert.DoesNotContain(token, filing.Payload, StringComparison.Ordinal);
        var resetMail = Assert.Single(await MailsAsync<AccountsDbContext>(), m => m.Payload.Contains("Reset your Governance password", StringComparison.Ordinal));
        Assert.NotNull(resetMail.ProcessedAt);
        foreach (var kept in new[] { filing, resetMail }.Select(m => JsonSerializer.Deserialize<OutgoingMail>(m.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!))
        {
            Assert.Matches(@"^\(cleared after delivery\) SHA-256 [0-9a-f]{64}$", kept.Body);
        }

        // Delivered all the same: the pickup folder has the link (see below for who may read it).
        var pickup = Directory.GetFiles(Path.Combine(_app.DataFolder, "mail-pickup"), "*.eml").Select(File.ReadAllText);
        Assert.Contains(pickup, eml => eml.Contains(reference, StringComparison.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Every_file_in_the_data_folder_is_its_owners_alone()
    {
        // What an older version left behind, readable by every local user.
        var old = Path.Combine(_app.DataFolder, "mail-pickup", "old.eml");
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        await File.WriteAllTextAsync(old, "Subject: an old message with a tracking link");
        File.SetUnixFileMode(Path.GetDirectoryName(old)!, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100);

        var client = _app.CreateClient();
        await BackupRestoreTests.FileAppealAsync(client, evidence: AccountsApiTests.Png);
        // Sent by this call or by the scheduler, which may hold the message for a moment.
        await _app.DispatchOutboxAsync();
        Assert.True(await SchedulerTests.EventuallyAsync(() => Task.FromResult(
            Directory.GetFiles(Path.GetDirectoryName(old)!, "*.eml").Length == 2)), "the filing e-mail was delivered");

        var files = Directory.GetFiles(_app.DataFolder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_app.DataFolder, f), File.GetUnixFileMode);
        foreach (var expected in new[] { "governance.db", "governance.db-wal", "governance.db-shm", "audit-anchor.json", "keys/audit-chain.key" })
        {
            Assert.Contains(expected, files.Keys);
        }

        // The data-protection keys are in the database; the folder keeps only the audit key.
        Assert.DoesNotContain(files.Keys, f => f.EndsWith(".xml", StringComparison.Ordinal));
        var open = files.Where(f => (f.Value & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) != 0).Select(f => $"{f.Key} {f.Value}").ToList();
        Assert.True(open.Count == 0, $"readable by others: {string.Join(", ", open)}");
        var evidence = Assert.Single(files, f => f.Key.StartsWith("evidence/", StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead, evidence.Value);
        var folders = Directory.GetDirectories(_app.DataFolder, "*", SearchOption.AllDirectories).Append(_app.DataFolder)
            .Where(d => File.GetUnixFileMode(d) != (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)).ToList();
        Assert.True(folders.Count == 0, $"folders open to others: {string.Join(", ", folders)}");
    }
}
