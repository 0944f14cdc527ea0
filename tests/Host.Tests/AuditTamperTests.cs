using System.Security.Cryptography;
using System.Text;
using Governance.Platform;
using Governance.Platform.Audit;
using Governance.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>
/// <c>--verify-audit</c> on a copy of an installation that someone with the database, but not the audit key, rewrote:
/// an entry edited and the chain re-sealed with plain SHA-256 (which passed before the key), or the newest entries deleted.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AuditTamperTests : IAsyncLifetime
{
    private readonly List<string> _folders = [];
    private string _source = "";

    public async Task InitializeAsync()
    {
        _source = NewFolder();
        await using var app = new GovernanceFactory(dataFolder: _source);
        for (var i = 0; i < 3; i++)
        {
            await BackupRestoreTests.FileAppealAsync(app.CreateClient());
        }
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folders.ForEach(TestFolders.TryDelete);
        return Task.CompletedTask;
    }

    [Fact]
    public void The_untouched_installation_verifies_against_its_anchor()
    {
        var (code, output) = BackupRestoreTests.RunHost(_source, "--verify-audit");
        Assert.True(code == 0, output);
        Assert.Contains("Complaints: 3 entries, chain intact (anchored at entry 3,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_edited_and_re_sealed_with_plain_sha256_is_reported()
    {
        var copy = CopyOfSource();
        await using (var services = BackupRestoreTests.Services(copy))
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<Governance.SharedKernel.ITenantScope>().RunAsSystem();
            var module = services.GetRequiredService<ModuleCatalog>().Databases.Single(m => m.Name == "Complaints");
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var previous = AuditEntry.GenesisHash;
            foreach (var entry in await db.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync())
            {
                if (entry.Sequence >= 2)
                {
                    entry.Actor = entry.Sequence == 2 ? "someone else" : entry.Actor;
                    entry.PreviousHash = previous;
                    entry.Hash = PlainSha256(entry);
                }

                previous = entry.Hash;
            }

            await db.SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();
        var (code, output) = BackupRestoreTests.RunHost(copy, "--verify-audit");
        Assert.Equal(1, code);
        Assert.Contains("Complaints: BROKEN at entry 2: is sealed with plain SHA-256, not the audit key", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_is_reported_as_a_cut_off_end()
    {
        var copy = CopyOfSource();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(copy, "governance.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM complaints_audit_entries WHERE Sequence > 1";
            Assert.Equal(2, await delete.ExecuteNonQueryAsync());
        }

        var (code, output) = BackupRestoreTests.RunHost(copy, "--verify-audit");
        Assert.Equal(1, code);
        Assert.Contains("Complaints: BROKEN at entry 2: ends at entry 1, but entry 3 was anchored on", output, StringComparison.Ordinal);
        Assert.Contains("the newest entries were cut off", output, StringComparison.Ordinal);
    }

    /// <summary>The seal before the audit key, as anyone can compute it from the fields.</summary>
    private static string PlainSha256(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        e.Sequence, e.At.UtcTicks, e.ActorId?.ToString() ?? "", e.Actor, e.Address ?? "", e.Action, e.RecordType, e.RecordId,
        e.MunicipalityId?.ToString() ?? "", e.Details ?? "", e.PreviousHash))));

    private string CopyOfSource()
    {
        SqliteConnection.ClearAllPools();
        var copy = NewFolder();
        foreach (var file in Directory.EnumerateFiles(_source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(_source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-audit-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }
}
