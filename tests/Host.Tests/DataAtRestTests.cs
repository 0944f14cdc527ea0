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

        var filing = Assert.Single(await MailsAsync<ComplaintsDbContext>(), m => m.Payload.Contains(reference, StringComparison.Ordinal));
        Assert.NotNull(filing.ProcessedAt);
        Assert.DoesNotContain(token, filing.Payload, StringComparison.Ordinal);
        var resetMail = Assert.Single(await MailsAsync<AccountsDbContext>(), m => m.Payload.Contains("password reset code", StringComparison.Ordinal));
        Assert.NotNull(resetMail.ProcessedAt);
        foreach (var kept in new[] { filing, resetMail }.Select(m => JsonSerializer.Deserialize<OutgoingMail>(m.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!))
        {
            Assert.Matches(@"^\(cleared after delivery\) SHA-256 [0-9a-f]{64}$", kept.Body);
        }

        // Delivered all the same: the pickup folder has the link.
        var pickup = Directory.GetFiles(Path.Combine(_app.DataFolder, "mail-pickup"), "*.eml").Select(File.ReadAllText);
        Assert.Contains(pickup, eml => eml.Contains(reference, StringComparison.Ordinal));
    }
}
