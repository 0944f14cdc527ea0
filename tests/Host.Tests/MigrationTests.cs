using System.Data.Common;
using Governance.Accounts;
using Governance.Complaints;
using Governance.Elections;
using Governance.Platform;
using Governance.Platform.Data;
using Governance.Policies;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Host.Tests;

/// <summary>The hand-written SQL migrations must produce exactly what the EF model describes, on both providers.</summary>
public abstract class MigrationTests
{
    protected abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> NewDatabaseAsync();

    private static ServiceProvider Modules(DatabaseOptions database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlatform(new ConfigurationBuilder().Build(), database, new StoragePaths(Path.GetTempPath()));
        services.AddAccountsModule().AddPoliciesModule().AddComplaintsModule().AddElectionsModule();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Migrated_schema_equals_the_ef_model()
    {
        var migrated = new DatabaseOptions(Provider, await NewDatabaseAsync());
        var fromModel = new DatabaseOptions(Provider, await NewDatabaseAsync());
        await using (var services = Modules(migrated))
        {
            Assert.True(await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None) > 0);
        }

        await using (var services = Modules(fromModel))
        {
            foreach (var module in services.GetRequiredService<ModuleCatalog>().Schemas)
            {
                using var scope = services.CreateScope();
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
                await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
            }
        }

        var expected = await SchemaAsync(fromModel);
        var actual = await SchemaAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Upgrading_a_database_made_by_the_first_migration_keeps_its_rows()
    {
        var database = new DatabaseOptions(Provider, await NewDatabaseAsync());
        await using var services = Modules(database);
        var migrator = services.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateAsync(CancellationToken.None, upTo: "0001_identity");
        var userId = Guid.NewGuid();
        await ExecuteAsync(database, $"""
            INSERT INTO accounts_users ("Id", "DisplayName", "UserName", "Email", "EmailConfirmed", "PhoneNumberConfirmed",
                "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('{userId}', 'Early User', 'early@demo.test', 'early@demo.test', {True()}, {False()}, {False()}, {True()}, 0)
            """);

        Assert.True(await migrator.MigrateAsync(CancellationToken.None) >= 1);
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));

        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var accounts = (DbContext)scope.ServiceProvider.GetRequiredService(
            services.GetRequiredService<ModuleCatalog>().Databases.Single(d => d.Name == "Accounts").ContextType);
        var names = await accounts.Database.SqlQueryRaw<string>("SELECT \"DisplayName\" AS \"Value\" FROM accounts_users").ToListAsync();
        Assert.Equal(["Early User"], names);
        Assert.Equal(0, await accounts.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM accounts_municipalities").SingleAsync());
    }

    [Fact]
    public async Task Upgrading_a_database_that_quartz_used_drops_its_tables_and_keeps_everything_else()
    {
        var database = new DatabaseOptions(Provider, await NewDatabaseAsync());
        await using var services = Modules(database);
        var migrator = services.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateAsync(CancellationToken.None, upTo: "0005_sessions_and_security");
        // What Quartz provisioned for itself in the installation's database (some of its tables, with rows).
        await ExecuteAsync(database, $"""
            CREATE TABLE qrtz_job_details (sched_name VARCHAR(120) NOT NULL, job_name VARCHAR(150) NOT NULL, job_group VARCHAR(150) NOT NULL,
                PRIMARY KEY (sched_name, job_name, job_group));
            CREATE TABLE qrtz_triggers (sched_name VARCHAR(120) NOT NULL, trigger_name VARCHAR(150) NOT NULL, trigger_group VARCHAR(150) NOT NULL,
                job_name VARCHAR(150) NOT NULL, job_group VARCHAR(150) NOT NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group),
                FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
            CREATE TABLE qrtz_simple_triggers (sched_name VARCHAR(120) NOT NULL, trigger_name VARCHAR(150) NOT NULL, trigger_group VARCHAR(150) NOT NULL,
                times_triggered BIGINT NOT NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group),
                FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
            CREATE TABLE qrtz_scheduler_state (sched_name VARCHAR(120) NOT NULL, instance_name VARCHAR(200) NOT NULL, PRIMARY KEY (sched_name, instance_name));
            INSERT INTO qrtz_job_details VALUES ('Governance', 'dispatch-outbox', 'DEFAULT');
            INSERT INTO qrtz_triggers VALUES ('Governance', 'dispatch-outbox', 'DEFAULT', 'dispatch-outbox', 'DEFAULT');
            INSERT INTO qrtz_simple_triggers VALUES ('Governance', 'dispatch-outbox', 'DEFAULT', 42);
            INSERT INTO qrtz_scheduler_state VALUES ('Governance', 'host-a');
            INSERT INTO accounts_users ("Id", "DisplayName", "UserName", "Email", "EmailConfirmed", "PhoneNumberConfirmed",
                "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('{Guid.NewGuid()}', 'Kept User', 'kept@demo.test', 'kept@demo.test', {True()}, {False()}, {False()}, {True()}, 0);
            """);

        Assert.True(await migrator.MigrateAsync(CancellationToken.None) >= 1);

        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Provider == DatabaseProvider.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE lower(table_name) LIKE 'qrtz%'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'qrtz%'";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        command.CommandText = "SELECT \"DisplayName\" FROM accounts_users";
        Assert.Equal("Kept User", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Upgrading_a_database_where_a_clerk_set_the_election_blackout_drops_the_setting_and_keeps_the_elections()
    {
        var database = new DatabaseOptions(Provider, await NewDatabaseAsync());
        await using var services = Modules(database);
        var migrator = services.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateAsync(CancellationToken.None, upTo: "0003_campaigns");
        var municipality = Guid.NewGuid();
        await ExecuteAsync(database, $"""
            INSERT INTO elections_settings ("MunicipalityId", "BlackoutRule", "BlackoutDaysBeforeVoting") VALUES ('{municipality}', 2, 90);
            INSERT INTO elections_elections ("Id", "MunicipalityId", "Kind", "Name", "NominationPeriodOpens", "NominationDay", "VotingDay",
                "TermStarts", "CampaignPeriodEnds", "CreatedAt")
            VALUES ('{Guid.NewGuid()}', '{municipality}', 2, 'Ward 2 by-election', '2027-02-01', '2027-03-05', '2027-04-12', '2027-04-13',
                '2027-05-27', {(Provider == DatabaseProvider.Postgres ? "now()" : "0")});
            """);

        Assert.True(await migrator.MigrateAsync(CancellationToken.None) >= 1);

        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Provider == DatabaseProvider.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'elections_settings'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'elections_settings'";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        command.CommandText = "SELECT \"Name\" FROM elections_elections";
        Assert.Equal("Ward 2 by-election", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Upgrading_moves_appeals_the_IC_was_deciding_back_to_intake_on_version_2_and_keeps_complaints_whole()
    {
        var database = new DatabaseOptions(Provider, await NewDatabaseAsync());
        await using var services = Modules(database);
        var migrator = services.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateAsync(CancellationToken.None, upTo: "0004_report_redaction");
        var (municipality, appeal, complaint, instance, member) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = Provider == DatabaseProvider.Postgres ? "now()" : "0";
        await ExecuteAsync(database, $"""
            INSERT INTO complaints_cases ("Id", "MunicipalityId", "Reference", "Kind", "Status", "SubmittedAt", "TrackingTokenHash", "ProtectedTrackingToken", "ContactName", "ContactEmail")
            VALUES ('{appeal}', '{municipality}', 'APL-2026-000001', 1, 1, {now}, 'h', 'p', 'Robin', 'robin@example.ca'),
                   ('{complaint}', '{municipality}', 'COC-2026-000001', 2, 1, {now}, 'h', 'p', 'Jordan', 'jordan@example.ca');
            INSERT INTO complaints_code_of_conduct ("CaseId", "MemberUserId", "MemberName", "PostLinks", "Articles", "WhatHappened", "DeclarationName", "DeclaredAt", "AllegesDiscrimination")
            VALUES ('{complaint}', '{member}', 'Councillor Max', 'https://x.ca/1', '14 Discreditable Conduct', 'A rude reply.', 'Jordan', {now}, {False()});
            INSERT INTO complaints_workflow_instances ("Id", "MunicipalityId", "DefinitionName", "DefinitionVersion", "CorrelationId", "Stage", "Status", "CreatedAt", "UpdatedAt", "Revision", "JournalLength")
            VALUES ('{instance}', '{municipality}', 'appeal', 1, 'APL-2026-000001', 'decision', 1, {now}, {now}, 4, 0);
            INSERT INTO complaints_workflow_bookmarks ("Id", "InstanceId", "MunicipalityId", "Kind", "Stage", "Name", "AssigneeRole", "DueAt", "CreatedAt")
            VALUES ('{Guid.NewGuid()}', '{instance}', '{municipality}', 1, 'decision', 'decision', 'IntegrityCommissioner', {now}, {now}),
                   ('{Guid.NewGuid()}', '{instance}', '{municipality}', 2, 'decision', 'reminder', NULL, {now}, {now});
            """);

        Assert.True(await migrator.MigrateAsync(CancellationToken.None) >= 1);

        await using var connection = Open(database);
        await connection.OpenAsync();
        async Task<string> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        // The revision moves on (twice: the stage, then the version), so a step begun on the old row is a conflict.
        Assert.Equal("2 intake 6", await ScalarAsync("""SELECT "DefinitionVersion" || ' ' || "Stage" || ' ' || "Revision" FROM complaints_workflow_instances"""));
        Assert.Equal("intake/intake/SocialMediaManager intake/reminder/-", await ScalarAsync(Provider == DatabaseProvider.Postgres
            ? """SELECT string_agg("Stage" || '/' || "Name" || '/' || COALESCE("AssigneeRole", '-'), ' ' ORDER BY "Kind") FROM complaints_workflow_bookmarks"""
            : """SELECT group_concat(x, ' ') FROM (SELECT "Stage" || '/' || "Name" || '/' || COALESCE("AssigneeRole", '-') AS x FROM complaints_workflow_bookmarks ORDER BY "Kind")"""));
        Assert.Equal("Councillor Max 1 1 A rude reply.", await ScalarAsync(
            """SELECT "MemberName" || ' ' || "ComplainantKind" || ' ' || "DeclarationKind" || ' ' || "WhatHappened" FROM complaints_code_of_conduct"""));
        Assert.Equal(member.ToString(), (await ScalarAsync("""SELECT "MemberUserId" FROM complaints_code_of_conduct""")).ToLowerInvariant());
    }

    private string True() => Provider == DatabaseProvider.Postgres ? "TRUE" : "1";

    private string False() => Provider == DatabaseProvider.Postgres ? "FALSE" : "0";

    private static DbConnection Open(DatabaseOptions database) => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);

    private static async Task ExecuteAsync(DatabaseOptions database, string sql)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Tables, columns with type and nullability, keys, indexes and foreign keys, one line each, sorted.</summary>
    private static async Task<List<string>> SchemaAsync(DatabaseOptions database)
    {
        var queries = database.Provider == DatabaseProvider.Postgres
            ? new[]
            {
                """
                SELECT table_name || '.' || column_name || ' ' || data_type || '(' || COALESCE(character_maximum_length::text, '') || ') '
                       || is_nullable || ' ' || COALESCE(column_default, '')
                FROM information_schema.columns WHERE table_schema = 'public'
                """,
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'",
                "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
            }
            : new[]
            {
                "SELECT m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p.\"notnull\" || ' pk=' || p.pk || ' default=' || COALESCE(p.dflt_value, '') FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'",
                "SELECT m.name || ' index ' || il.name || ' unique=' || il.\"unique\" || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')' FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE m.type = 'table'",
                "SELECT m.name || ' fk ' || f.\"from\" || ' -> ' || f.\"table\" || '.' || f.\"to\" || ' on delete ' || f.on_delete FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
            };
        var lines = new List<string>();
        await using var connection = Open(database);
        await connection.OpenAsync();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(0);
                // Bookkeeping that only the migrated database has: its history tables.
                if (!line.Contains("_schema_migrations", StringComparison.Ordinal) && !line.StartsWith("sqlite_", StringComparison.Ordinal))
                {
                    lines.Add(line);
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

public sealed class SqliteMigrationTests : MigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> NewDatabaseAsync()
        => Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"governance-migrate-{Guid.NewGuid():N}.db")}");
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresServer server) : MigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync();
}

/// <summary>One PostgreSQL server for every test class that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
