using Governance.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Tests;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly PlatformFixture _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private async Task RecordAsync(string recordId, int entries = 1)
    {
        using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < entries; i++)
        {
            audit.Record(db, "widget.changed", "Widget", recordId, null, $"change {i}");
        }

        await db.SaveChangesAsync();
    }

    private async Task<AuditChainReport> VerifyAsync()
        => Assert.Single(await _platform.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None));

    private async Task ExecuteAsync(string sql)
    {
        using var scope = _platform.Scope();
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Entries_form_an_intact_chain_that_records_who_what_when_and_where()
    {
        await RecordAsync("w1", 3);
        await RecordAsync("w2");

        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(4, report.Entries);
        using var scope = _platform.Scope();
        var first = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<AuditEntry>().SingleAsync(e => e.Sequence == 1);
        Assert.Equal(("tester", "127.0.0.1", "widget.changed", "w1", AuditEntry.GenesisHash),
            (first.Actor, first.Address, first.Action, first.RecordId, first.PreviousHash));
        Assert.Equal(_platform.Clock.GetUtcNow(), first.At);
    }

    [Fact]
    public async Task An_entry_is_sealed_with_its_time_to_the_microsecond_as_postgresql_stores_it()
    {
        _platform.Clock.Set(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
        await RecordAsync("w1");

        using var scope = _platform.Scope();
        var entry = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<AuditEntry>().SingleAsync();
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), entry.At);
        Assert.Equal(entry.Hash, entry.ComputeHash(_platform.Services.GetRequiredService<AuditKey>()));
    }

    [Fact]
    public async Task An_altered_entry_breaks_the_chain_at_that_entry()
    {
        await RecordAsync("w1", 5);
        await ExecuteAsync("UPDATE test_audit_entries SET Details = 'nothing to see' WHERE Sequence = 3");

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("was altered after it was written", report.Problem);
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_chain()
    {
        await RecordAsync("w1", 4);
        await ExecuteAsync("DELETE FROM test_audit_entries WHERE Sequence = 2");

        var report = await VerifyAsync();
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("entry 2 is missing", report.Problem);
    }

    [Fact]
    public async Task Concurrent_writers_do_not_fork_the_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => RecordAsync($"w{i}", 3))));

        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(24, report.Entries);
    }

    [Fact]
    public async Task An_entry_is_not_written_when_its_change_fails()
    {
        var id = Guid.NewGuid();
        using (var scope = _platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Widgets.Add(new Widget { Id = id, Name = "first" });
            await db.SaveChangesAsync();
        }

        using (var scope = _platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(db, "widget.created", "Widget", id.ToString(), null);
            db.Widgets.Add(new Widget { Id = id, Name = "same key again" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(0, (await VerifyAsync()).Entries);
        await RecordAsync("w1");
        Assert.True((await VerifyAsync()).Intact);
    }
}
