using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Platform.Mail;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Tests;

public sealed record WidgetRenamed(Guid WidgetId, string Name) : IIntegrationEvent;

public sealed class OutboxTests
{
    private const string TrackingLink = "https://governance.example/track/APL-2026-000001?token=s3cr3t-tracking-token";

    private static async Task<Guid> QueueMailAsync(PlatformFixture platform, string to = "resident@example.test", bool sensitive = false)
    {
        using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var id = scope.ServiceProvider.GetRequiredService<Outbox.Outbox>().Mail(db, new OutgoingMail(to, "Your appeal APL-2026-000001",
            sensitive ? $"Follow your case here:\n{TrackingLink}\n" : "We received your appeal. Café ✓", sensitive));
        await db.SaveChangesAsync();
        return id;
    }

    private static Task<int> DispatchAsync(PlatformFixture platform)
        => platform.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

    private static async Task<OutboxMessage> MessageAsync(PlatformFixture platform, Guid id)
    {
        using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task Mail_is_delivered_to_the_pickup_folder_once_even_after_a_restart()
    {
        await using var platform = new PlatformFixture();
        var id = await QueueMailAsync(platform);

        Assert.Equal(1, await DispatchAsync(platform));
        Assert.Equal(0, await DispatchAsync(platform));
        // A second dispatcher over the same database, as after a restart, finds nothing left to send.
        await using var restarted = new ServiceProviderRestart(platform);
        Assert.Equal(0, await restarted.DispatchAsync());

        var file = Assert.Single(Directory.GetFiles(Path.Combine(platform.Folder, "mail-pickup"), "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("resident@example.test", text, StringComparison.Ordinal);
        Assert.Contains($"<{id:N}@", text, StringComparison.Ordinal);
        Assert.NotNull((await MessageAsync(platform, id)).ProcessedAt);
    }

    [Fact]
    public async Task A_sensitive_mail_is_cleared_from_the_outbox_once_delivered_leaving_the_sha256_of_what_was_sent()
    {
        await using var platform = new PlatformFixture();
        var sensitive = await QueueMailAsync(platform, sensitive: true);
        var plain = await QueueMailAsync(platform);
        Assert.Contains(TrackingLink, (await MessageAsync(platform, sensitive)).Payload, StringComparison.Ordinal); // until it is sent

        Assert.Equal(2, await DispatchAsync(platform));

        var cleared = await MessageAsync(platform, sensitive);
        Assert.DoesNotContain("s3cr3t-tracking-token", cleared.Payload, StringComparison.Ordinal);
        var kept = JsonSerializer.Deserialize<OutgoingMail>(cleared.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var sent = $"Follow your case here:\n{TrackingLink}\n";
        Assert.Equal(("resident@example.test", "Your appeal APL-2026-000001"), (kept.To, kept.Subject));
        Assert.Equal($"(cleared after delivery) SHA-256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sent)))}", kept.Body);
        Assert.Contains("We received your appeal", (await MessageAsync(platform, plain)).Payload, StringComparison.Ordinal); // nothing secret: kept whole
        Assert.Contains(Directory.GetFiles(Path.Combine(platform.Folder, "mail-pickup"), "*.eml").Select(File.ReadAllText),
            eml => eml.Contains($"<{sensitive:N}@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sensitive_mail_keeps_its_body_while_delivery_fails()
    {
        await using var platform = new PlatformFixture(new()
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = Processes.FreePort().ToString(),
            ["Mail:Smtp:StartTls"] = "false",
        });
        var id = await QueueMailAsync(platform, sensitive: true);

        Assert.Equal(0, await DispatchAsync(platform));
        Assert.Contains(TrackingLink, (await MessageAsync(platform, id)).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_is_not_queued_when_the_change_is_not_saved()
    {
        await using var platform = new PlatformFixture();
        using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            scope.ServiceProvider.GetRequiredService<Outbox.Outbox>().Mail(db, new OutgoingMail("a@example.test", "s", "b"));
            // No SaveChanges: the business change was abandoned, so the mail must not go.
        }

        Assert.Equal(0, await DispatchAsync(platform));
    }

    [Fact]
    public async Task A_mail_server_that_stops_answering_is_a_failed_attempt_after_the_timeout_not_a_stuck_outbox()
    {
        // Accepts the connection and never says a word, as a hung server does.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        await using var platform = new PlatformFixture(new()
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port.ToString(),
            ["Mail:Smtp:StartTls"] = "false",
            ["Mail:Smtp:TimeoutSeconds"] = "1",
        });
        var id = await QueueMailAsync(platform);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, await DispatchAsync(platform));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        var message = await MessageAsync(platform, id);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("did not finish within 1 seconds", message.LastError, StringComparison.Ordinal);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task Failed_delivery_backs_off_then_dead_letters_after_the_limit()
    {
        var closedPort = Processes.FreePort();
        await using var platform = new PlatformFixture(new()
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = closedPort.ToString(),
            ["Mail:Smtp:StartTls"] = "false",
            ["Mail:MaxAttempts"] = "3",
        });
        var id = await QueueMailAsync(platform);

        Assert.Equal(0, await DispatchAsync(platform));
        var first = await MessageAsync(platform, id);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(platform.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), first.AvailableAt);

        await DispatchAsync(platform); // not due yet: nothing happens
        Assert.Equal(1, (await MessageAsync(platform, id)).Attempts);

        platform.Clock.Advance(TimeSpan.FromSeconds(30));
        await DispatchAsync(platform);
        Assert.Equal(platform.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), (await MessageAsync(platform, id)).AvailableAt);

        platform.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync(platform);
        var dead = await MessageAsync(platform, id);
        Assert.Equal(3, dead.Attempts);
        Assert.NotNull(dead.DeadLetteredAt);
        Assert.Null(dead.ProcessedAt);
        Assert.NotNull(dead.LastError);

        platform.Clock.Advance(TimeSpan.FromDays(1));
        await DispatchAsync(platform);
        Assert.Equal(3, (await MessageAsync(platform, id)).Attempts);

        // The dead letter is a delivery job created failed, with the last error, for the dashboard; retried while the
        // server is still down, it fails again (and stays dead-lettered) rather than pretending.
        var (job, state) = Assert.Single(platform.Jobs.Created);
        Assert.Equal(typeof(DeliverOutboxMessageJob), job.Type);
        Assert.Equal(["Test", id], job.Args.Take(2));
        Assert.Equal(Hangfire.States.FailedState.StateName, state.Name);
        var retry = new DeliverOutboxMessageJob(platform.Services.GetRequiredService<OutboxDispatcher>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => retry.RunAsync("Test", id, CancellationToken.None));
        var still = await MessageAsync(platform, id);
        Assert.Equal(4, still.Attempts);
        Assert.NotNull(still.DeadLetteredAt);
        Assert.Null(still.ClaimId);
    }

    [Fact]
    public async Task Mail_is_delivered_through_a_real_smtp_server()
    {
        await using var smtp = await SmtpPlatform.StartAsync(new()
        {
            ["Mail:From"] = "clerk@demo-township.test",
            ["Mail:Smtp:StartTls"] = "false", // the setting before Mail:Smtp:Security, still honoured
        });
        var id = await QueueMailAsync(smtp.Platform, "appellant@example.test");

        Assert.Equal(1, await DispatchAsync(smtp.Platform));
        Assert.Equal(0, await DispatchAsync(smtp.Platform));

        var message = Assert.Single(smtp.Sink.Messages());
        Assert.Contains("X-RcptTo: appellant@example.test", message, StringComparison.Ordinal);
        Assert.Contains("Subject: Your appeal APL-2026-000001", message, StringComparison.Ordinal);
        Assert.Contains("We received your appeal. Café ✓", message, StringComparison.Ordinal);
        Assert.Contains($"Message-ID: <{id:N}@demo-township.test>", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Auto-Submitted: auto-generated", message, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/alternative", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integration_events_reach_their_handlers_after_commit()
    {
        await using var platform = new PlatformFixture();
        var handler = (RecordingHandler)platform.Services.GetRequiredService<IIntegrationEventHandler<WidgetRenamed>>();
        var widget = Guid.NewGuid();
        using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            scope.ServiceProvider.GetRequiredService<Outbox.Outbox>().Publish(db, new WidgetRenamed(widget, "New name"));
            Assert.Empty(handler.Received); // nothing before commit
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await DispatchAsync(platform));
        Assert.Equal([new WidgetRenamed(widget, "New name")], handler.Received);
    }

    [Fact]
    public async Task A_message_whose_claim_lapsed_during_a_long_batch_is_delivered_once_by_the_host_that_took_it_over()
    {
        await using var platform = new PlatformFixture();
        await using var other = PlatformFixture.SharingFolderWith(platform); // a second host on the same database
        var handler = (RecordingHandler)platform.Services.GetRequiredService<IIntegrationEventHandler<WidgetRenamed>>();
        var otherHandler = (RecordingHandler)other.Services.GetRequiredService<IIntegrationEventHandler<WidgetRenamed>>();
        using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            foreach (var name in new[] { "first", "second", "third" })
            {
                scope.ServiceProvider.GetRequiredService<Outbox.Outbox>().Publish(db, new WidgetRenamed(Guid.NewGuid(), name));
                platform.Clock.Advance(TimeSpan.FromSeconds(1)); // delivered in this order
            }

            await db.SaveChangesAsync();
        }

        // Each delivery takes 200 s; the batch's claims last 300 s (the default). During the second delivery the
        // third message's claim lapses, and the other host takes it over and delivers it.
        handler.WhileHandling = async renamed =>
        {
            platform.Clock.Advance(TimeSpan.FromSeconds(200));
            if (renamed.Name == "second")
            {
                other.Clock.Set(platform.Clock.GetUtcNow());
                Assert.Equal(1, await DispatchAsync(other));
            }
        };

        Assert.Equal(2, await DispatchAsync(platform));
        Assert.Equal(["first", "second"], handler.Received.Select(r => r.Name));
        Assert.Equal(["third"], otherHandler.Received.Select(r => r.Name));
    }

    /// <summary>A second service provider over the same data folder and database: a restarted host.</summary>
    private sealed class ServiceProviderRestart(PlatformFixture original) : IAsyncDisposable
    {
        private readonly PlatformFixture _copy = PlatformFixture.SharingFolderWith(original);

        public Task<int> DispatchAsync() => OutboxTests.DispatchAsync(_copy);

        public ValueTask DisposeAsync() => _copy.DisposeServicesAsync();
    }
}

public sealed class RecordingHandler : IIntegrationEventHandler<WidgetRenamed>
{
    public List<WidgetRenamed> Received { get; } = [];

    /// <summary>What else happens while an event is being handled, e.g. time passing.</summary>
    public Func<WidgetRenamed, Task>? WhileHandling { get; set; }

    public async Task HandleAsync(WidgetRenamed integrationEvent, CancellationToken cancellationToken)
    {
        Received.Add(integrationEvent);
        if (WhileHandling is not null)
        {
            await WhileHandling(integrationEvent);
        }
    }
}
