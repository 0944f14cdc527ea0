using Governance.Platform.Audit;
using Governance.Platform.Data;
using Governance.Platform.Mail;
using Governance.Platform.Outbox;
using Governance.Platform.Scheduling;
using Governance.Platform.Tenancy;
using Governance.Platform.Web;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Platform;

public static class PlatformServices
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration,
        DatabaseOptions database, StoragePaths paths)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(paths);
        var catalog = new ModuleCatalog();
        services.AddSingleton(catalog);
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicAddress>();
        services.AddScoped<TenantScope>();
        services.AddScoped<ITenantScope>(sp => sp.GetRequiredService<TenantScope>());
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<AuditKey>();
        services.AddSingleton<AuditAnchor>();
        services.AddSingleton<AuditChainInterceptor>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddSingleton<AuditChainUpgrade>();
        services.AddRecurringJob<SendAuditCheckpointJob>(SendAuditCheckpointJob.Id, "0 6 * * *"); // daily, 06:00 UTC
        services.AddSingleton<Outbox.Outbox>();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<WorkflowRegistry>();
        services.AddScoped<WorkflowRuntime>();
        services.AddSingleton<SchemaMigrator>();
        services.AddDataProtectionKeys(catalog);
        services.AddSingleton<SqliteBackup>();
        services.AddSingleton<Files.EvidenceStore>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelBinderProviders.Insert(0, new FreeTextModelBinderProvider()));
        return services;
    }

    /// <summary>
    /// The data-protection key ring (sign-in cookies, API tokens, tracking links) in the installation's database: every
    /// host on the database shares it, and a backup of the database carries it.
    /// </summary>
    private static void AddDataProtectionKeys(this IServiceCollection services, ModuleCatalog catalog)
    {
        services.AddDbContext<DataProtectionKeysDbContext>((sp, options) => sp.GetRequiredService<DatabaseOptions>().Configure(options));
        catalog.AddPlatform(new ModuleDatabase(DataProtectionKeysDbContext.Name, typeof(DataProtectionKeysDbContext),
            DataProtectionKeysDbContext.TablePrefix, typeof(DataProtectionKeysDbContext).Assembly, HostsWorkflows: false));
        services.AddDataProtection().SetApplicationName("Governance").PersistKeysToDbContext<DataProtectionKeysDbContext>();
        services.AddSingleton<DataProtectionKeyImport>();
    }

    /// <summary>Registers a module's DbContext on the installation's database and lists it in the catalog.</summary>
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, string name,
        string tablePrefix, bool hostsWorkflows = false)
        where TContext : DbContext, IModuleDbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            sp.GetRequiredService<DatabaseOptions>().Configure(options);
            options.AddInterceptors(sp.GetRequiredService<AuditChainInterceptor>());
        });
        var catalog = (ModuleCatalog)services.Single(d => d.ServiceType == typeof(ModuleCatalog)).ImplementationInstance!;
        catalog.Add(new ModuleDatabase(name, typeof(TContext), tablePrefix, typeof(TContext).Assembly, hostsWorkflows));
        return services;
    }
}
