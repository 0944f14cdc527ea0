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

/// <summary>A backup or restore that cannot go ahead; the message says why in plain words.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>One file in a backup: where it is inside the backup, what it is, and how to check it.</summary>
public sealed record BackupEntry(string Path, string Kind, long Size, string Sha256, IReadOnlyList<string>? Modules = null);

/// <summary><c>manifest.json</c>: what a backup holds, written last, so a backup without one is incomplete.</summary>
public sealed record BackupManifest(string Format, DateTimeOffset CreatedAt, string Provider,
    IReadOnlyDictionary<string, string?> SchemaVersions, IReadOnlyList<BackupEntry> Files)
{
    public const string CurrentFormat = "governance-backup/1";

    public const string FileName = "manifest.json";
}

public sealed record RestoreOutcome(int FilesRestored, int MigrationsApplied, string? PreviousDataFolder);

/// <summary>
/// Online backup and verified restore of a SQLite installation: every module's database (SQLite's backup API, so
/// the app may keep running; it holds the data-protection keys too), the evidence files, the keys folder (the audit
/// key when it is kept there) and the audit anchor, with a manifest of sizes and SHA-256s. PostgreSQL installations use
/// pg_dump and pg_restore instead.
/// </summary>
public sealed partial class SqliteBackup(ModuleCatalog catalog, DatabaseOptions database, StoragePaths paths,
    SchemaMigrator migrator, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Database = "database";
    public const string Evidence = "evidence";
    public const string Keys = "keys";
    public const string Anchor = "anchor";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Writes a backup to <paramref name="target"/>: a <c>.zip</c> archive, a new folder, or (for an existing folder
    /// that is not empty) a new <c>governance-backup-{time}</c> folder inside it. Returns where it went.
    /// </summary>
    public async Task<(string Location, BackupManifest Manifest)> BackupAsync(string target, CancellationToken ct)
    {
        RefuseOnPostgres("--backup", "pg_dump --format=custom --file=governance.dump <database>");
        using var hold = DataFolderLock.TryAcquire(paths, exclusive: false)
            ?? throw new BackupException($"A restore is running in {paths.DataFolder}; back up when it has finished.");
        var databases = await DatabaseFilesAsync(ct);
        var missing = databases.Keys.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new BackupException($"There is no database at {string.Join(", ", missing)}: nothing to back up.");
        }

        var now = clock.GetUtcNow();
        var archive = target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        var location = Path.GetFullPath(target);
        if (!archive && Directory.Exists(location) && Directory.EnumerateFileSystemEntries(location).Any())
        {
            location = Path.Combine(location, $"governance-backup-{now:yyyyMMdd-HHmmss}Z");
        }

        if (File.Exists(location) || (Directory.Exists(location) && Directory.EnumerateFileSystemEntries(location).Any()))
        {
            throw new BackupException($"{location} already exists; choose another name.");
        }

        // Built under another name and renamed at the end, so a half-written backup never looks like a backup.
        var work = location + ".partial";
        DeleteFolder(work);
        Directory.CreateDirectory(work);
        if (!OperatingSystem.IsWindows())
        {
            // It holds personal data and the keys that decrypt tracking tokens.
            File.SetUnixFileMode(work, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            var entries = new List<BackupEntry>();
            var versions = new SortedDictionary<string, string?>(StringComparer.Ordinal);
            // The audit anchor before the databases: written after each commit, it never names an entry the copies lack.
            if (File.Exists(paths.Resolve(AuditAnchor.FileName)))
            {
                entries.Add(await CopyFileAsync(paths.Resolve(AuditAnchor.FileName), work, $"{Anchor}/{AuditAnchor.FileName}", Anchor, ct));
            }

            foreach (var (file, modules) in databases)
            {
                var relative = $"databases/{Path.GetFileName(file)}";
                var copy = Path.Combine(work, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                await CopyOnlineAsync(file, copy, ct);
                foreach (var module in modules)
                {
                    versions[module.Name] = SchemaVersion(copy, module.TablePrefix);
                }

                entries.Add(await DescribeAsync(work, relative, Database, [.. modules.Select(m => m.Name)], ct));
            }

            // Evidence after the databases: a file is saved before the row that cites it commits, so every file the
            // database copies cite is already on disk (files saved since are harmless extras).
            entries.AddRange(await CopyFolderAsync(paths.Resolve("evidence"), work, Evidence, ct));
            // The keys folder: the audit key, when Audit:KeyFile keeps it there, and any key files an older version left
            // (imported into the database at the next start). The data-protection keys are in the database copies above.
            entries.AddRange(await CopyFolderAsync(paths.Resolve("keys"), work, Keys, ct));

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, now, database.Provider.ToString(), versions, entries);
            await File.WriteAllTextAsync(Path.Combine(work, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json), ct);

            if (archive)
            {
                var zip = location + ".writing";
                File.Delete(zip);
                ZipFile.CreateFromDirectory(work, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(zip, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                File.Move(zip, location);
                DeleteFolder(work);
            }
            else
            {
                if (Directory.Exists(location))
                {
                    Directory.Delete(location); // empty, checked above
                }

                Directory.Move(work, location);
            }

            return (location, manifest);
        }
        catch
        {
            DeleteFolder(work);
            throw;
        }
    }

    /// <summary>Each SQLite database file the modules use, with the modules in it.</summary>
    private async Task<Dictionary<string, List<ModuleDatabase>>> DatabaseFilesAsync(CancellationToken ct)
    {
        var files = new Dictionary<string, List<ModuleDatabase>>(StringComparer.Ordinal);
        foreach (var module in catalog.Schemas)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            {
                throw new BackupException($"The {module.Name} database is in memory: there is no file to back up or restore.");
            }

            var file = Path.GetFullPath(builder.DataSource);
            if (!files.TryGetValue(file, out var modules))
            {
                files[file] = modules = [];
            }

            modules.Add(module);
        }

        ct.ThrowIfCancellationRequested();
        return files;
    }

    private static IEnumerable<string> SqliteFiles(string database) =>
        [database, database + "-wal", database + "-shm", database + "-journal"];

    private static async Task CopyOnlineAsync(string source, string copy, CancellationToken ct)
    {
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await from.OpenAsync(ct);
        await to.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // One step over a read transaction: a consistent snapshot, while the app keeps writing (WAL).
                from.BackupDatabase(to);
                break;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < 10)
            {
                await Task.Delay(200 * attempt, ct); // busy: a checkpoint or recovery is running
            }
        }

        // One self-contained file, with no -wal beside it.
        Execute(to, "PRAGMA journal_mode=DELETE");
        if (IntegrityProblem(to) is { } problem)
        {
            throw new BackupException($"The copy of {source} failed SQLite's integrity check: {problem}");
        }
    }

    private static string? SchemaVersion(string file, string prefix)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", $"{prefix}_schema_migrations");
        if (command.ExecuteScalar() is null)
        {
            return null;
        }

        command.CommandText = $"SELECT MAX(version) FROM {prefix}_schema_migrations";
        return command.ExecuteScalar() as string;
    }

    private static string? IntegrityProblem(string file)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
            }.ToString());
            connection.Open();
            return IntegrityProblem(connection);
        }
        catch (SqliteException ex)
        {
            return $"not a readable SQLite database ({ex.Message})";
        }
    }

    private static string? IntegrityProblem(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = command.ExecuteScalar() as string;
        return result == "ok" ? null : result ?? "no answer";
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<BackupEntry> DescribeAsync(string root, string relative, string kind,
        IReadOnlyList<string>? modules, CancellationToken ct)
    {
        await using var file = File.OpenRead(Path.Combine(root, relative));
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        return new BackupEntry(relative, kind, file.Length, sha, modules);
    }

    private static async Task<BackupEntry> CopyFileAsync(string file, string root, string relative, string kind, CancellationToken ct)
    {
        var copy = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        await using (var from = File.OpenRead(file))
        await using (var to = File.Create(copy))
        {
            await from.CopyToAsync(to, ct);
        }

        return await DescribeAsync(root, relative, kind, null, ct);
    }

    private static async Task<List<BackupEntry>> CopyFolderAsync(string folder, string root, string kind, CancellationToken ct)
    {
        var entries = new List<BackupEntry>();
        if (!Directory.Exists(folder))
        {
            return entries;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = $"{kind}/{Path.GetRelativePath(folder, file).Replace('\\', '/')}";
            if (Path.GetFileName(file).StartsWith('.') || !SafePath().IsMatch(relative))
            {
                continue; // uploads in progress (.upload-*) and anything that is not the app's own
            }

            entries.Add(await CopyFileAsync(file, root, relative, kind, ct));
        }

        return entries;
    }

    private void RefuseOnPostgres(string command, string instead)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupException($"This installation uses {database.Provider}: {command} works on SQLite only. "
                + $"Use PostgreSQL's own tools, e.g. `{instead}`, and copy the data folder's evidence folder, audit key and audit anchor.");
        }
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Relative, forward slashes, no empty, hidden, '.' or '..' segments: nothing can point outside the backup.</summary>
    [GeneratedRegex(@"^(databases|evidence|keys|anchor)(/[A-Za-z0-9][A-Za-z0-9._-]*)+$")]
    private static partial Regex SafePath();

    /// <summary>A backup folder or archive, read only through the paths its manifest lists.</summary>
    private sealed class BackupSource : IDisposable
    {
        private readonly string? _folder;
        private readonly ZipArchive? _zip;

        private BackupSource(string? folder, ZipArchive? zip, BackupManifest manifest)
        {
            _folder = folder;
            _zip = zip;
            Manifest = manifest;
        }

        public BackupManifest Manifest { get; }

        public static BackupSource Open(string source)
        {
            var path = Path.GetFullPath(source);
            if (File.Exists(path) && Path.GetFileName(path) == BackupManifest.FileName)
            {
                path = Path.GetDirectoryName(path)!;
            }

            if (Directory.Exists(path))
            {
                var manifestFile = Path.Combine(path, BackupManifest.FileName);
                if (!File.Exists(manifestFile))
                {
                    throw new BackupException($"{path} has no {BackupManifest.FileName}: it is not a backup, or not a complete one.");
                }

                using var stream = File.OpenRead(manifestFile);
                return new BackupSource(path, null, Read(stream, path));
            }

            if (!File.Exists(path))
            {
                throw new BackupException($"There is no backup at {path}.");
            }

            ZipArchive zip;
            try
            {
                zip = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException)
            {
                throw new BackupException($"{path} is neither a backup folder nor a backup archive (.zip).");
            }

            try
            {
                using var stream = zip.GetEntry(BackupManifest.FileName)?.Open()
                    ?? throw new BackupException($"{path} has no {BackupManifest.FileName}: it is not a backup.");
                return new BackupSource(null, zip, Read(stream, path));
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }

        /// <summary>Copies one listed file to <paramref name="target"/>; the problem if it is missing or differs, else null.</summary>
        public async Task<string?> CopyCheckedAsync(BackupEntry entry, string target, CancellationToken ct)
        {
            await using var from = _folder is not null
                ? File.Exists(Path.Combine(_folder, entry.Path)) ? File.OpenRead(Path.Combine(_folder, entry.Path)) : null
                : _zip!.GetEntry(entry.Path)?.Open();
            if (from is null)
            {
                return "missing from the backup";
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var to = File.Create(target))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await from.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await to.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return size != entry.Size ? $"size {size} bytes, the manifest says {entry.Size}"
                : !string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase) ? $"SHA-256 {sha}, the manifest says {entry.Sha256}"
                : null;
        }

        public void Dispose() => _zip?.Dispose();

        private static BackupManifest Read(Stream stream, string path)
        {
            BackupManifest? manifest;
            try
            {
                manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
            }
            catch (JsonException ex)
            {
                throw new BackupException($"The manifest of {path} could not be read: {ex.Message}");
            }

            if (manifest is null || manifest.Format != BackupManifest.CurrentFormat)
            {
                throw new BackupException($"{path} is not a backup this version understands (format {manifest?.Format ?? "missing"}, "
                    + $"expected {BackupManifest.CurrentFormat}).");
            }

            if (manifest.Provider != nameof(DatabaseProvider.Sqlite))
            {
                throw new BackupException($"{path} is a {manifest.Provider} backup; restore it with that database's tools.");
            }

            var unsafePath = (manifest.Files ?? []).FirstOrDefault(f => f?.Path is null || !SafePath().IsMatch(f.Path)
                || !f.Path.StartsWith(f.Kind == Database ? "databases/" : $"{f.Kind}/", StringComparison.Ordinal)
                || f.Sha256 is null);
            if (manifest.Files is null || unsafePath is not null)
            {
                throw new BackupException($"The manifest of {path} lists a file it may not: {unsafePath?.Path ?? "(no file list)"}.");
            }

            if (!manifest.Files.Any(f => f.Kind == Database))
            {
                throw new BackupException($"The manifest of {path} lists no database.");
            }

            return manifest;
        }
    }
}
