using Governance.Accounts;
using Governance.Complaints;
using Governance.Elections;
using Governance.Host.Hosting;
using Governance.Platform;
using Governance.Policies;

var builder = WebApplication.CreateBuilder(args);

// Where data lives and which database: SQLite under the data folder unless configured otherwise.
var (database, paths) = Storage.Configure(builder);
builder.Services.AddPlatform(builder.Configuration, database, paths);

// The four modules; each owns its tables, pages and API.
builder.Services
    .AddAccountsModule()
    .AddPoliciesModule()
    .AddComplaintsModule()
    .AddElectionsModule();

// Scheduled jobs (Hangfire; one queue for every host on PostgreSQL), web plumbing, health checks.
builder.Services.AddScheduler(builder.Configuration, database, paths);
builder.Services.AddWeb(builder.Configuration);

var app = builder.Build();

// One-off commands (--migrate, --verify-audit, --print-schema, --backup, --restore) run and exit.
if (await Commands.TryRunAsync(app, args))
{
    return;
}

await Startup.PrepareDatabaseAsync(app);

app.UseWeb();
app.MapJobsDashboard();
app.MapAccountsEndpoints();
app.MapPoliciesEndpoints();
app.MapComplaintsEndpoints();
app.MapElectionsEndpoints();

await app.RunAsync();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
