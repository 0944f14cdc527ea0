using System.Linq.Expressions;
using Governance.Platform.Audit;
using Governance.Platform.Outbox;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Platform.Data;

/// <summary>A module's DbContext: its table prefix and the tenant scope its queries are filtered by.</summary>
public interface IModuleDbContext
{
    /// <summary>Table-name prefix of the module, e.g. "complaints" (SQLite has no schemas).</summary>
    string TablePrefix { get; }

    /// <summary>Public so the query filter expression can read it from the context instance.</summary>
    ITenantScope Tenant { get; }
}

/// <summary>What every module's model has in common. Called from each module's OnModelCreating.</summary>
public static class ModuleModel
{
    /// <summary>Adds the module's own audit trail and outbox tables, and optionally the workflow tables.</summary>
    public static void AddPlatformTables(this ModelBuilder model, string prefix, bool workflows = false)
    {
        AuditEntry.Configure(model.Entity<AuditEntry>(), prefix);
        OutboxMessage.Configure(model.Entity<OutboxMessage>(), prefix);
        if (workflows)
        {
            WorkflowModel.Configure(model, prefix);
        }
    }

    /// <summary>
    /// Every <see cref="IMunicipalityOwned"/> entity is filtered by the context's tenant scope. The filter
    /// reads <c>Tenant</c> from the context instance, so each context applies its own scope.
    /// </summary>
    public static void FilterByMunicipality<TContext>(this ModelBuilder model, TContext context)
        where TContext : DbContext, IModuleDbContext
    {
        foreach (var entityType in model.Model.GetEntityTypes())
        {
            if (entityType.BaseType is not null || !typeof(IMunicipalityOwned).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            var entity = Expression.Parameter(entityType.ClrType, "e");
            var tenant = Expression.Property(Expression.Constant(context), nameof(IModuleDbContext.Tenant));
            var isSystem = Expression.Property(tenant, nameof(ITenantScope.IsSystem));
            var visible = Expression.Property(tenant, nameof(ITenantScope.MunicipalityIds));
            var contains = Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
                visible, Expression.Property(entity, nameof(IMunicipalityOwned.MunicipalityId)));
            entityType.SetQueryFilter(Expression.Lambda(Expression.OrElse(isSystem, contains), entity));
        }
    }

    /// <summary>
    /// Stores every DateTimeOffset as UTC ticks on SQLite, which cannot order or compare its text form.
    /// PostgreSQL keeps timestamptz.
    /// </summary>
    public static void UseGovernanceConventions(this ModelConfigurationBuilder conventions, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            conventions.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
