using System.Text.Json;
using Governance.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Tests;

/// <summary>
/// The chain is sealed with a key kept outside the database, and its head is anchored outside it: someone who can write
/// the database (or a copy of it) can neither re-seal an edit nor cut off the newest entries unseen.
/// </summary>
public sealed class AuditSealTests : IAsyncLifetime
{
    private readonly PlatformFixture _platform = new(new() { ["Audit:CheckpointRecipients"] = "ic@example.test, clerk@example.test" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private T Get<T>() where T : notnull => _platform.Services.GetRequiredService<T>();

    private async Task RecordAsync(int entries)
    {
        using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        for (var i = 0; i < entries; i++)
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(db, "widget.changed", "Widget", "w1", null, $"change {i}");
        }

        await db.SaveChangesAsync();
    }

    private async Task<AuditChainReport> VerifyAsync() => Assert.Single(await Get<AuditChainVerifier>().VerifyAsync(CancellationToken.None));

    /// <summary>What someone with the database but not the key can do: change entries and re-seal the chain from there with plain SHA-256.</summary>
    private async Task ResealWithPlainSha256Async(long from, Action<AuditEntry>? edit = null)
    {
        using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var entries = await db.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync();
        var previous = AuditEntry.GenesisHash;
        foreach (var entry in entries)
        {
            if (entry.Sequence >= from)
            {
                if (entry.Sequence == from)
                {
                    edit?.Invoke(entry);
                }

                entry.PreviousHash = previous;
                entry.Hash = entry.ComputeLegacyHash();
            }

            previous = entry.Hash;
        }

        await db.SaveChangesAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        using var scope = _platform.Scope();
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task An_entry_edited_and_re_sealed_with_plain_sha256_is_reported()
    {
        await RecordAsync(5);
        await ResealWithPlainSha256Async(from: 3, e => e.Details = "nothing to see");

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.StartsWith("is sealed with plain SHA-256, not the audit key", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_is_reported_as_a_cut_off_end()
    {
        await RecordAsync(3);
        _platform.Clock.Advance(TimeSpan.FromHours(1));
        await RecordAsync(4);
        await ExecuteAsync("DELETE FROM test_audit_entries WHERE Sequence > 4");

        var report = await VerifyAsync();
        Assert.Equal((4L, 5L), (report.Entries, report.FirstBrokenSequence));
        Assert.Equal($"ends at entry 4, but entry 7 was anchored on {_platform.Clock.GetUtcNow():u}: the newest entries were cut off", report.Problem);
    }

    [Fact]
    public async Task A_rewritten_anchored_entry_is_reported_even_when_its_seal_is_keyed()
    {
        await RecordAsync(2);
        using (var scope = _platform.Scope())
        {
            // Replaced by another entry sealed under the key (as the app itself might be tricked into writing).
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var last = await db.Set<AuditEntry>().SingleAsync(e => e.Sequence == 2);
            last.Details = "rewritten";
            last.Hash = last.ComputeHash(Get<AuditKey>());
            await db.SaveChangesAsync();
        }

        var report = await VerifyAsync();
        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.StartsWith("is not the entry anchored at this position", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_anchor_is_reported()
    {
        await RecordAsync(2);
        var anchor = Get<AuditAnchor>();
        var genuine = anchor.Read().Checkpoints["Test"];
        var forged = genuine with { Sequence = 1 };
        await File.WriteAllTextAsync(anchor.FilePath, JsonSerializer.Serialize(
            new AuditAnchorState(new Dictionary<string, AuditCheckpoint> { ["Test"] = forged }, new Dictionary<string, long>()),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Contains("anchor", report.Problem, StringComparison.Ordinal);
        Assert.Contains("invalid signature", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_is_reported_rather_than_replaced()
    {
        await RecordAsync(1);
        File.Delete(Get<AuditKey>().FilePath);
        await using var restarted = PlatformFixture.SharingFolderWith(_platform);

        var report = Assert.Single(await restarted.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None));
        Assert.Contains("audit key", report.Problem, StringComparison.Ordinal);
        Assert.False(File.Exists(Get<AuditKey>().FilePath));
    }

    [Fact]
    public async Task A_plain_sha256_chain_from_before_the_key_is_re_sealed_once_and_then_verifies()
    {
        await RecordAsync(4);
        await ResealWithPlainSha256Async(from: 1);
        File.Delete(Get<AuditAnchor>().FilePath); // as before anchors existed
        Assert.StartsWith("is a chain from before the audit key", (await VerifyAsync()).Problem, StringComparison.Ordinal);

        await Get<AuditChainUpgrade>().RunAsync(CancellationToken.None);

        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal((4L, 4L), (report.Entries, report.Anchor?.Sequence));
        await RecordAsync(1);
        Assert.True((await VerifyAsync()).Intact);

        // Once anchored, flipping the chain back to plain SHA-256 is not upgraded again but reported.
        await ResealWithPlainSha256Async(from: 1);
        await Get<AuditChainUpgrade>().RunAsync(CancellationToken.None);
        Assert.Equal(1, (await VerifyAsync()).FirstBrokenSequence);
    }

    [Fact]
    public async Task A_broken_plain_sha256_chain_is_not_re_sealed()
    {
        await RecordAsync(4);
        await ResealWithPlainSha256Async(from: 1);
        File.Delete(Get<AuditAnchor>().FilePath);
        await ExecuteAsync("UPDATE test_audit_entries SET Details = 'tampered' WHERE Sequence = 2");

        await Get<AuditChainUpgrade>().RunAsync(CancellationToken.None);

        var report = await VerifyAsync();
        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.StartsWith("was altered after it was written (in a chain from before the audit key", report.Problem, StringComparison.Ordinal);
        Assert.Empty(Get<AuditAnchor>().Read().Checkpoints);
    }

    [Fact]
    public async Task The_anchor_only_moves_forward_even_with_two_hosts_writing_it()
    {
        await RecordAsync(3);
        // A second host on the same folder, with a checkpoint it took earlier.
        await using var other = PlatformFixture.SharingFolderWith(_platform);
        var otherAnchor = other.Services.GetRequiredService<AuditAnchor>();
        otherAnchor.Advance([otherAnchor.Sign("Test", 1, "stale")]);
        Assert.Equal(3, Get<AuditAnchor>().Read().Checkpoints["Test"].Sequence);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => RecordAsync(2)))
            .Append(Task.Run(() => otherAnchor.Advance([otherAnchor.Sign("Other", 9, "x")]))));
        var state = Get<AuditAnchor>().Read();
        Assert.Equal(11, state.Checkpoints["Test"].Sequence);
        Assert.Equal(9, state.Checkpoints["Other"].Sequence);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_checkpoint_e_mail_goes_to_each_recipient_only_when_a_head_moved()
    {
        await RecordAsync(2);
        var job = ActivatorUtilities.CreateInstance<SendAuditCheckpointJob>(_platform.Services);
        Assert.True(await job.SendAsync(CancellationToken.None));
        Assert.False(await job.SendAsync(CancellationToken.None));
        await RecordAsync(1);
        Assert.True(await job.SendAsync(CancellationToken.None));

        using var scope = _platform.Scope();
        var mails = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<Outbox.OutboxMessage>()
            .Where(m => m.Kind == Outbox.OutboxKind.Mail).OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal(4, mails.Count);
        var last = JsonSerializer.Deserialize<Mail.OutgoingMail>(mails[^1].Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var checkpoint = Get<AuditAnchor>().Read().Checkpoints["Test"];
        Assert.Contains($"Test: entry 3 at {checkpoint.At:u}", last.Body, StringComparison.Ordinal);
        Assert.Contains(checkpoint.Signature, last.Body, StringComparison.Ordinal);
        Assert.Equal(["clerk@example.test", "ic@example.test"], mails.TakeLast(2).Select(m =>
            JsonSerializer.Deserialize<Mail.OutgoingMail>(m.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.To).Order());
    }
}
