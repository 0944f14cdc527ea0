using Governance.Platform;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Host.Hosting;

/// <summary>Command-line operations that run instead of the web server.</summary>
internal static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Contains("--migrate"))
        {
            var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            Console.WriteLine($"Migrations applied: {applied}.");
            return true;
        }

        if (args.Contains("--verify-audit"))
        {
            var reports = await app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
            foreach (var report in reports)
            {
                Console.WriteLine(report.Intact
                    ? $"{report.Module}: {report.Entries} entries, chain intact"
                        + (report.Anchor is { } anchor ? $" (anchored at entry {anchor.Sequence}, {anchor.At:u})" : "")
                    : $"{report.Module}: BROKEN{Where(report)}: {report.Problem}");
            }

            Environment.ExitCode = reports.All(r => r.Intact) ? 0 : 1;
            return true;
        }

        if (args.Contains("--backup"))
        {
            await BackupAsync(app, Value(args, "--backup"));
            return true;
        }

        if (args.Contains("--restore"))
        {
            await RestoreAsync(app, Value(args, "--restore"), args.Contains("--force"));
            return true;
        }

        if (args.Contains("--print-schema"))
        {
            // Writes what the EF model would create, per module, to start a new migration script from.
            foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Schemas)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
                Console.WriteLine($"-- module: {module.Name}");
                Console.WriteLine(db.Database.GenerateCreateScript());
            }

            return true;
        }

        return false;
    }

    private static async Task BackupAsync(WebApplication app, string? target)
    {
        if (target is null)
        {
            Fail("Usage: --backup <folder or file.zip>");
            return;
        }

        try
        {
            var (location, manifest) = await app.Services.GetRequiredService<SqliteBackup>().BackupAsync(target, CancellationToken.None);
            Console.WriteLine($"Backup written to {location} at {manifest.CreatedAt:u}:");
            foreach (var kind in manifest.Files.GroupBy(f => f.Kind))
            {
                Console.WriteLine($"  {kind.Key}: {kind.Count()} file(s), {kind.Sum(f => f.Size):N0} bytes");
            }

            Console.WriteLine("It holds personal data and the keys that protect tracking links: keep it as safe as the server.");
        }
        catch (BackupException ex)
        {
            Fail(ex.Message);
        }
    }

    private static async Task RestoreAsync(WebApplication app, string? source, bool force)
    {
        if (source is null)
        {
            Fail("Usage: --restore <backup folder, file.zip or manifest.json> [--force]");
            return;
        }

        try
        {
            var outcome = await app.Services.GetRequiredService<SqliteBackup>().RestoreAsync(source, force, CancellationToken.None);
            Console.WriteLine($"Restored {outcome.FilesRestored} file(s) from {source} into "
                + $"{app.Services.GetRequiredService<StoragePaths>().DataFolder}; migrations applied: {outcome.MigrationsApplied}.");
            if (outcome.PreviousDataFolder is not null)
            {
                Console.WriteLine($"The data it replaced is in {outcome.PreviousDataFolder}; delete it once the restored app is checked.");
            }

            // A backup from before the audit key has plain SHA-256 chains: upgraded (if intact) as at start-up.
            await app.Services.GetRequiredService<AuditChainUpgrade>().RunAsync(CancellationToken.None);
            var reports = await app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
            foreach (var report in reports.Where(r => !r.Intact))
            {
                Fail($"{report.Module}: audit chain BROKEN{Where(report)}: {report.Problem}");
            }
        }
        catch (BackupException ex)
        {
            Fail(ex.Message);
        }
    }

    /// <summary>" at entry N" when the problem is at an entry (not, say, a forged anchor).</summary>
    private static string Where(AuditChainReport report)
        => report.FirstBrokenSequence is { } at ? $" at entry {at}" : "";

    /// <summary>The word after <paramref name="option"/>, unless it is missing or another option.</summary>
    private static string? Value(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
    }

    private static void Fail(string message)
    {
        Console.Error.WriteLine(message);
        Environment.ExitCode = 1;
    }
}
