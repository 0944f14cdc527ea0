using Governance.Accounts;
using Governance.Elections;
using Governance.Platform;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Governance.Platform.Outbox;

namespace Governance.Host.Hosting;

/// <summary>Before serving: migrate, make sure the roles exist, and in Development seed the demo.</summary>
internal static class Startup
{
    public const string DefaultDemoPassword = "Demo-Password-2026!";

    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        // Fails before anything is touched when Production has no https App:PublicBaseUrl.
        app.Services.GetRequiredService<Governance.Platform.Web.PublicAddress>();
        var lifetime = app.Lifetime.ApplicationStopping;
        // Held while the app runs, so --restore refuses to replace files under it.
        var paths = app.Services.GetRequiredService<StoragePaths>();
        var inUse = DataFolderLock.TryAcquire(paths, exclusive: false) ?? throw new InvalidOperationException(
            $"A restore is running in {paths.DataFolder}; start the app when it has finished.");
        app.Lifetime.ApplicationStopped.Register(inUse.Dispose);
        // Hosts starting together take turns: both would otherwise create the roles and the demo, and one would fail.
        await using var turn = await StartupLock.AcquireAsync(app.Services.GetRequiredService<DatabaseOptions>(), lifetime);
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(lifetime);
        // Before anything protects or reads a cookie or token: the key files an older version kept in keys/.
        await app.Services.GetRequiredService<DataProtectionKeyImport>().RunAsync(lifetime);
        await app.Services.GetRequiredService<AuditChainUpgrade>().RunAsync(lifetime);
        await AccountsModule.EnsureRolesAsync(app.Services);

        var seedDemo = app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
        if (!seedDemo)
        {
            return;
        }

        if (!app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Demo:Seed is for Development only: demo users have a published password.");
        }

        var password = app.Configuration["Demo:Password"] ?? DefaultDemoPassword;
        var logins = await AccountsModule.SeedDemoAsync(app.Services, password, lifetime);
        // Let the other modules set up the demo municipality now rather than at the scheduler's first run.
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(lifetime);
        await ElectionsModule.SeedDemoAsync(app.Services, AccountsModule.DemoMunicipalityId, lifetime);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Console.WriteLine();
            Console.WriteLine($"Governance is running at {urls}");
            Console.WriteLine($"Data folder: {paths.DataFolder}");
            Console.WriteLine($"Demo logins (password: {password}, set Demo__Password to change):");
            foreach (var (email, role) in logins)
            {
                Console.WriteLine($"  {email,-26} {role}");
            }

            Console.WriteLine();
        });
    }
}
