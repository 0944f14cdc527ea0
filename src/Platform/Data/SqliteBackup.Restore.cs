using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Data;

/// <summary>Restoring a backup: checked against its manifest, then swapped in whole, the replaced files kept aside.</summary>
public sealed partial class SqliteBackup
{
    /// <summary>
    /// Restores a backup (folder, <c>.zip</c> or its <c>manifest.json</c>) into this installation's data folder.
    /// Refuses while a host runs on the folder, and over existing data unless <paramref name="force"/>; every file is
    /// checked against the manifest before anything is replaced; the files replaced are moved aside, not deleted.
    /// Then applies pending migrations, so an older backup is upgraded.
    /// </summary>
    public async Task<RestoreOutcome> RestoreAsync(string source, bool force, CancellationToken ct)
    {
        RefuseOnPostgres("--restore", "pg_restore --clean --dbname=<database> governance.dump");
        using var backup = BackupSource.Open(source);
        var manifest = backup.Manifest;
        var targets = await DatabaseFilesAsync(ct);
        var plan = PlanDatabases(manifest, targets);

        using var hold = DataFolderLock.TryAcquire(paths, exclusive: true) ?? throw new BackupException(
            $"The app (or a backup) appears to be running on {paths.DataFolder} (it holds {DataFolderLock.FileName}). Stop it, then restore.");

        var evidenceFolder = paths.Resolve("evidence");
        var keysFolder = paths.Resolve("keys");
        var existing = plan.Values.SelectMany(SqliteFiles).Where(File.Exists)
            .Concat(Directory.Exists(evidenceFolder) ? Directory.EnumerateFiles(evidenceFolder, "*", SearchOption.AllDirectories).Take(1) : [])
            .ToList();
        if (existing.Count > 0 && !force)
        {
            throw new BackupException($"{paths.DataFolder} already holds data ({Path.GetFileName(existing[0])}). "
                + "Add --force to replace it; the files replaced are moved to a folder beside them, not deleted.");
        }

        var staging = Path.Combine(paths.DataFolder, $".restore-{Guid.NewGuid():N}");
        try
        {
            // Copy first, hashing what is copied: the bytes checked are the bytes restored.
            var problems = new List<string>();
            foreach (var entry in manifest.Files)
            {
                if (await backup.CopyCheckedAsync(entry, Path.Combine(staging, entry.Path), ct) is { } problem)
                {
                    problems.Add($"{entry.Path}: {problem}");
                }
            }

            foreach (var entry in problems.Count == 0 ? manifest.Files.Where(e => e.Kind == Database) : [])
            {
                if (IntegrityProblem(Path.Combine(staging, entry.Path)) is { } problem)
                {
                    problems.Add($"{entry.Path}: {problem}");
                }
            }

            if (problems.Count > 0)
            {
                throw new BackupException($"The backup failed verification, so nothing was changed:{Environment.NewLine}  "
                    + string.Join($"{Environment.NewLine}  ", problems));
            }

            SqliteConnection.ClearAllPools();
            string? previous = null;
            string Aside(string path)
            {
                previous ??= Path.Combine(paths.DataFolder, $"replaced-{clock.GetUtcNow():yyyyMMdd-HHmmss}Z-{Guid.NewGuid().ToString("N")[..6]}");
                var into = Path.Combine(previous, Path.GetFileName(path));
                Directory.CreateDirectory(previous);
                return into;
            }

            foreach (var (entry, target) in plan)
            {
                // The -wal and -shm files belong to the database they sit beside: they go aside with it.
                foreach (var file in SqliteFiles(target).Where(File.Exists))
                {
                    File.Move(file, Aside(file));
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, entry.Path), target);
            }

            // The anchor belongs to the chains it replaces: it goes aside with them, and the backup's (if any) comes in.
            var anchorFile = paths.Resolve(AuditAnchor.FileName);
            if (File.Exists(anchorFile))
            {
                File.Move(anchorFile, Aside(anchorFile));
            }

            if (manifest.Files.FirstOrDefault(f => f.Kind == Anchor) is { } anchor)
            {
                File.Move(Path.Combine(staging, anchor.Path), anchorFile);
            }

            ReplaceFolder(Path.Combine(staging, Evidence), evidenceFolder, Aside, always: true);
            ReplaceFolder(Path.Combine(staging, Keys), keysFolder, Aside, always: manifest.Files.Any(f => f.Kind == Keys));
            if (!OperatingSystem.IsWindows() && Directory.Exists(evidenceFolder))
            {
                foreach (var file in Directory.EnumerateFiles(evidenceFolder, "*", SearchOption.AllDirectories))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead); // as EvidenceStore keeps them
                }
            }

            var applied = await migrator.MigrateAsync(ct);
            return new RestoreOutcome(manifest.Files.Count, applied, previous);
        }
        finally
        {
            DeleteFolder(staging);
        }
    }

    /// <summary>Where each database in the backup goes here: the file its modules use in this installation.</summary>
    private static Dictionary<BackupEntry, string> PlanDatabases(BackupManifest manifest,
        Dictionary<string, List<ModuleDatabase>> targets)
    {
        var plan = new Dictionary<BackupEntry, string>();
        foreach (var entry in manifest.Files.Where(f => f.Kind == Database))
        {
            var homes = targets.Where(t => t.Value.Any(m => entry.Modules?.Contains(m.Name) == true)).Select(t => t.Key).Distinct().ToList();
            if (homes.Count != 1)
            {
                throw new BackupException($"{entry.Path} holds modules ({string.Join(", ", entry.Modules ?? [])}) that this "
                    + "installation keeps in " + (homes.Count == 0 ? "no database" : "different databases") + ".");
            }

            plan[entry] = homes[0];
        }

        var covered = plan.Values.ToHashSet(StringComparer.Ordinal);
        if (targets.Keys.FirstOrDefault(t => !covered.Contains(t)) is { } uncovered)
        {
            throw new BackupException($"The backup has nothing for {uncovered} ({string.Join(", ", targets[uncovered].Select(m => m.Name))}).");
        }

        return plan;
    }

    private static void ReplaceFolder(string staged, string target, Func<string, string> aside, bool always)
    {
        if (!always)
        {
            return;
        }

        if (Directory.Exists(target))
        {
            Directory.Move(target, aside(target));
        }

        if (Directory.Exists(staged))
        {
            Directory.Move(staged, target);
        }
    }
}
