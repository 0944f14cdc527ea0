using Governance.Platform;
using Governance.Platform.Data;

namespace Governance.Host.Hosting;

/// <summary>The data folder and the database: <c>Storage:DataFolder</c>, <c>Database:Provider</c>, <c>ConnectionStrings:Governance</c>.</summary>
internal static class Storage
{
    public static (DatabaseOptions Database, StoragePaths Paths) Configure(WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Storage:DataFolder"] ?? "data";
        var paths = new StoragePaths(Path.IsPathRooted(folder) ? folder : Path.Combine(builder.Environment.ContentRootPath, folder));
        OwnerOnly.Apply(paths);

        var provider = Enum.TryParse<DatabaseProvider>(builder.Configuration["Database:Provider"], ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString("Governance");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException("Set ConnectionStrings:Governance for the PostgreSQL provider.");
            }

            connectionString = $"Data Source={paths.Resolve("governance.db")}";
        }

        return (new DatabaseOptions(provider, connectionString), paths);
    }
}
