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
                    : $"{report.Module}: BROKEN at entry {report.FirstBrokenSequence}: {report.Problem}");
            }

            Environment.ExitCode = reports.All(r => r.Intact) ? 0 : 1;
            return true;
        }

        if (args.Contains("--print-schema"))
        {
            // Writes what the EF model would create, per module, to start a new migration script from.
            foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Databases)
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
}
