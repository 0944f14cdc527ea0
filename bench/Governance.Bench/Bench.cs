using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Platform;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Bench;

/// <summary>
/// The whole run: a database (SQLite file or a throwaway PostgreSQL cluster), a first start of the host that
/// migrates and seeds the demo, a bulk seed of N cases with the host stopped, then a measured start and the
/// HTTP scenarios, and the audit chains checked after each phase.
/// </summary>
internal sealed class Bench(BenchOptions options, string repoRoot, Action<string> log)
{
    private const string Demo = "demo-township";
    private static readonly Guid DemoMunicipalityId = Guid.Parse("0d3f5a6e-2f4b-4c57-9a1e-6b2d8c4e1a01");

    /// <summary>Public forms per address per hour: every bench client shares 127.0.0.1, so the limit is lifted.</summary>
    private const string RateLimit = "1000000000";

    private readonly List<string> _notes = [];

    public async Task<BenchReport> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Read();
        var now = new DateTimeOffset(started.UtcTicks - (started.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var work = Path.Combine(options.WorkRoot, $"governance-bench-{Guid.NewGuid():N}");
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        log($"work folder {work}");
        PostgresCluster? postgres = null;
        try
        {
            string connection;
            string providerVersion;
            if (options.Provider == Provider.Postgres)
            {
                postgres = await PostgresCluster.StartAsync(work);
                connection = postgres.ConnectionString("governance");
                providerVersion = $"PostgreSQL {postgres.Version}";
                log($"PostgreSQL {postgres.Version} on port {postgres.Port}");
            }
            else
            {
                connection = $"Data Source={Path.Combine(data, "governance.db")};Pooling=False";
                providerVersion = $"SQLite {SqliteVersion()}";
            }

            var environment = new Dictionary<string, string>
            {
                ["Storage__DataFolder"] = data,
                ["Database__Provider"] = options.Provider.ToString(),
                ["ConnectionStrings__Governance"] = options.Provider == Provider.Postgres ? connection : "",
                ["Demo__Password"] = Staff.Password,
                ["RateLimits__PublicFormsPerHour"] = RateLimit,
            };
            var development = new Dictionary<string, string>(environment)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Scheduler__PollSeconds"] = "1", // setup only: integration events are handled within a second
            };

            var migrate = await HostProcess.RunCommandAsync(repoRoot, development, "--migrate");
            Check(migrate.ExitCode, migrate.Output, "--migrate");
            log($"migrated in {migrate.Took.TotalSeconds:0.0} s");
            IReadOnlyList<Guid> municipalities;
            await using (var db = await TableWriter.OpenAsync(options.Provider, connection))
            {
                municipalities = await Seeder.AddMunicipalitiesAsync(db, options.Municipalities, now);
            }

            TimeSpan firstStart;
            await using (var host = await HostProcess.StartAsync(repoRoot, development, Path.Combine(work, "host-setup.log"), TimeSpan.FromMinutes(3)))
            {
                firstStart = host.StartUp;
                log($"setup host ready in {firstStart.TotalSeconds:0.00} s (demo seed, {options.Municipalities} municipalities)");
                await using (var db = await TableWriter.OpenAsync(options.Provider, connection))
                {
                    await Seeder.AssignStaffAsync(db, municipalities);
                    await SetUpElectionAsync(host.BaseAddress);
                    if (!await WaitForOutboxAsync(db, TimeSpan.FromMinutes(2)))
                    {
                        // Integration events (MunicipalityCreated, CampaignAccountDeclared) set up the other modules.
                        throw new TimeoutException("The setup host did not handle its outbox within 2 minutes.");
                    }
                }
            }

            SeedResult seed;
            // The key ring the setup host created, in its database: seeded tracking tokens are protected as the host protects them.
            await using var platform = new ServiceCollection().AddLogging()
                .AddPlatform(new ConfigurationBuilder().Build(), new DatabaseOptions(
                    options.Provider == Provider.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connection), new StoragePaths(data))
                .BuildServiceProvider();
            var keys = platform.GetRequiredService<IDataProtectionProvider>();
            // The key the setup host created: seeded entries are sealed as the host seals them.
            var auditKey = new AuditKey(Options.Create(new AuditOptions()), new StoragePaths(data));
            await using (var db = await TableWriter.OpenAsync(options.Provider, connection))
            {
                if (options.Provider == Provider.Sqlite)
                {
                    // The seed's own connection only: a crash mid-seed would simply mean seeding again.
                    await db.ExecuteAsync("PRAGMA synchronous=NORMAL");
                    await db.ExecuteAsync("PRAGMA cache_size=-262144");
                }

                seed = await new Seeder(db, keys.CreateProtector("Governance.Complaints.TrackingToken"), auditKey, now).SeedAsync(options.Cases, log);
                log($"seeded {options.Cases:N0} cases in {seed.Took.TotalSeconds:0.0} s ({seed.Rows.Values.Sum():N0} rows)");
                if (options.Provider == Provider.Postgres)
                {
                    // What autovacuum would do within a minute of a bulk load; done now so plans do not change mid-run.
                    await db.ExecuteAsync("ANALYZE");
                    _notes.Add("PostgreSQL: ANALYZE after the bulk seed (autovacuum would do it within a minute).");
                }
                else
                {
                    await db.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }

            var databaseBytes = await DatabaseSizeAsync(connection, data);
            // Production, as behind its TLS proxy: the bench's requests come from loopback with X-Forwarded-Proto (Staff.ViaProxy).
            var production = new Dictionary<string, string>(environment)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["App__PublicBaseUrl"] = "https://governance.bench.example",
            };
            var (auditAfterSeed, auditTook) = await VerifyAuditAsync(production);
            log($"audit chains after seed: {auditAfterSeed} ({auditTook.TotalSeconds:0.0} s)");

            List<ScenarioResult> scenarios;
            TimeSpan startUp;
            long startRss, peak;
            await using (var host = await HostProcess.StartAsync(repoRoot, production, Path.Combine(work, "host-bench.log"), TimeSpan.FromMinutes(5)))
            {
                startUp = host.StartUp;
                startRss = host.Memory().Current;
                log($"host ready in {startUp.TotalSeconds:0.00} s with {options.Cases:N0} cases, RSS {startRss / 1048576.0:0} MiB");
                scenarios = await MeasureAsync(host, seed, connection);
                peak = host.Memory().Peak;
                log($"peak memory (VmHWM) {peak / 1048576.0:0} MiB");
            }

            var (auditAfterBench, _) = await VerifyAuditAsync(production);
            log($"audit chains after the benchmark: {auditAfterBench}");
            _notes.Add($"Public form rate limit lifted with RateLimits__PublicFormsPerHour={RateLimit}: every client shares 127.0.0.1.");
            _notes.Add("Measured host: Production environment, default logging, scheduler polling every 10 s (the scheduled jobs and the outbox run during the benchmark, as in service).");
            _notes.Add("Setup: a first Development start (migrations, demo users) and staff, members, candidates and campaign plans made through the API; cases seeded directly into the migrated schema with the host stopped.");
            if (options.Provider == Provider.Postgres)
            {
                _notes.Add("PostgreSQL: a throwaway cluster with default settings (fsync on, shared_buffers 128 MB), max_connections=200, on the same machine.");
            }
            else
            {
                _notes.Add("SQLite: one file in WAL mode, as the host configures it.");
            }

            ScenarioReport.ApplyRatios(scenarios);
            var command = "dotnet run -c Release --project bench/Governance.Bench -- "
                + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
            return new BenchReport(started, command, options.Provider.ToString().ToLowerInvariant(), providerVersion,
                options.Cases, options.Municipalities, machine, MachineInfo.LoadAverage(), migrate.Took.TotalSeconds,
                firstStart.TotalSeconds, seed.Took.TotalSeconds, seed.Rows, seed.OpenCases, databaseBytes, startUp.TotalSeconds, startRss,
                peak, auditAfterSeed, auditTook.TotalSeconds, auditAfterBench, scenarios, _notes);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            if (!options.Keep)
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    log($"could not delete {work}");
                }
            }
        }
    }

    /// <summary>The scenarios, in order: the ceiling first, then public filing, staff reads, workflow steps, the clerk's dashboard.</summary>
    private async Task<List<ScenarioResult>> MeasureAsync(HostProcess host, SeedResult seed, string connection)
    {
        var results = new List<ScenarioResult>();
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var baseAddress = host.BaseAddress;
        // Signed in afresh before each scenario: access tokens last 10 minutes, and a long run outlasts them. Each reads
        // what they may see (R15): the Integrity Commissioner complaints, the social media manager appeals.
        var (ic, clerk, manager, icCookie) = ("", "", "", "");
        async Task SignInAsync()
        {
            ic = await Staff.TokenAsync(baseAddress, "ic@demo.test");
            clerk = await Staff.TokenAsync(baseAddress, "clerk@demo.test");
            manager = await Staff.TokenAsync(baseAddress, "manager@demo.test");
            icCookie = await Staff.CookieAsync(baseAddress, "ic@demo.test");
        }

        await SignInAsync();
        void Bearer(HttpClient c, string token) => c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        void Cookie(HttpClient c) => c.DefaultRequestHeaders.Add("Cookie", icCookie);

        async Task Run(string group, string name, string request, int[] levels, Action<HttpClient> configure, LoadRunner.Send send,
            HttpStatusCode expected = HttpStatusCode.OK, Func<int, int?>? cap = null, string? note = null)
        {
            foreach (var level in levels)
            {
                await SignInAsync();
                var result = await LoadRunner.RunAsync(group, name, request, level, baseAddress, c =>
                    {
                        Staff.ViaProxy(c);
                        configure(c);
                    }, send, warmup, duration, cap?.Invoke(level), expected, note);
                results.Add(result);
                log($"  {name,-34} c={level,-3} {result.RequestsPerSecond,9:0.0} req/s  p50 {result.P50Ms,8:0.0} ms  p95 {result.P95Ms,8:0.0} ms  p99 {result.P99Ms,8:0.0} ms"
                    + (result.Errors > 0 ? $"  ERRORS {result.Errors}: {result.FirstError}" : ""));
            }
        }

        var publicLevels = options.PublicConcurrency;
        var staffLevels = options.StaffConcurrency;
        await Run("ceiling", "trivial: health/live", "GET /health/live", publicLevels.Union(staffLevels).Order().ToArray(), _ => { },
            (c, _, ct) => c.GetAsync("/health/live", ct));

        using var api = Staff.ViaProxy(new HttpClient { BaseAddress = baseAddress });
        var accounts = await api.GetFromJsonAsync<JsonElement>($"/api/public/municipalities/{Demo}/accounts");
        var accountIds = accounts.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        await Run("public", "file an appeal (JSON)", "POST /api/public/appeals", publicLevels, _ => { }, (c, n, ct) => c.PostAsJsonAsync(
            "/api/public/appeals", new
            {
                municipality = Demo,
                accountId = n % 2 == 0 && accountIds.Length > 0 ? accountIds[n % accountIds.Length] : (Guid?)null,
                accountDescription = "The township's Facebook page",
                platformHandle = $"@bench{n}",
                subject = "Blocked",
                happenedOn = today,
                reasonGiven = "No reason was given.",
                grounds = Array.Empty<string>(),
                name = $"Bench Resident {n}",
                email = $"bench{n}@example.ca",
                consent = true,
                submissionId = Guid.NewGuid(),
            }, ct), HttpStatusCode.Created);

        // The filings queued an e-mail each: let the host's outbox deliver them before the staff scenarios, so
        // those are measured without that backlog (the time it took is a figure of its own).
        await using (var db = await TableWriter.OpenAsync(options.Provider, connection))
        {
            var queued = await Seeder.PendingOutboxAsync(db);
            var drained = Stopwatch.StartNew();
            var done = await WaitForOutboxAsync(db, TimeSpan.FromMinutes(5));
            _notes.Add(done
                ? $"After the public filings the outbox delivered their {queued:N0} queued e-mails (pickup folder) in {drained.Elapsed.TotalSeconds:0} s, polling every 10 s; the staff scenarios ran after that."
                : $"After the public filings {queued:N0} e-mails were queued; the outbox had not delivered them all after 5 minutes.");
            log($"outbox: {queued:N0} e-mails delivered in {drained.Elapsed.TotalSeconds:0} s");
        }

        var complaints = seed.SampleComplaints.OrderBy(_ => Random.Shared.Next()).ToArray();
        var appeals = seed.SampleAppeals.OrderBy(_ => Random.Shared.Next()).ToArray();
        _notes.Add("Case lists as the Integrity Commissioner, who serves every municipality and sees its complaints (not appeals, R15); "
            + "one page is 50 cases (the API default). Appeals are listed and read as the social media manager, who serves every municipality too.");
        await Run("staff list", "case list (first page)", "GET /api/cases", staffLevels, c => Bearer(c, ic),
            (c, _, ct) => c.GetAsync("/api/cases", ct));
        await Run("staff list", "case list: page 40", "GET /api/cases?page=40", staffLevels, c => Bearer(c, ic),
            (c, _, ct) => c.GetAsync("/api/cases?page=40", ct));
        await Run("staff list", "search by reference", "GET /api/cases?reference={ref}", staffLevels, c => Bearer(c, ic),
            (c, n, ct) => c.GetAsync($"/api/cases?reference={complaints[n % complaints.Length]}", ct));
        await Run("staff list", "case list: appeals with the owner", "GET /api/cases?type=appeal&stage=owner_review (manager)", staffLevels,
            c => Bearer(c, manager), (c, _, ct) => c.GetAsync("/api/cases?type=appeal&stage=owner_review", ct));
        await Run("staff list", "case list: overdue", "GET /api/cases?overdue=true", staffLevels, c => Bearer(c, ic),
            (c, _, ct) => c.GetAsync("/api/cases?overdue=true", ct));
        await Run("staff list", "case list: assigned to me", "GET /api/cases?assignee=me", staffLevels, c => Bearer(c, ic),
            (c, _, ct) => c.GetAsync("/api/cases?assignee=me", ct));
        await Run("staff list", "queue page (all open)", "GET /cases (cookie)", staffLevels, Cookie,
            (c, _, ct) => c.GetAsync("/cases", ct));

        await Run("case", "case detail (API)", "GET /api/cases/{ref} (complaint, IC)", staffLevels, c => Bearer(c, ic),
            (c, n, ct) => c.GetAsync($"/api/cases/{complaints[n % complaints.Length]}", ct));
        await Run("case", "case detail: appeal (API)", "GET /api/cases/{ref} (appeal, manager)", staffLevels, c => Bearer(c, manager),
            (c, n, ct) => c.GetAsync($"/api/cases/{appeals[n % appeals.Length]}", ct));
        await Run("case", "case page", "GET /cases/{ref} (complaint, IC cookie)", staffLevels, Cookie,
            (c, n, ct) => c.GetAsync($"/cases/{complaints[n % complaints.Length]}", ct));

        // Distinct appeals waiting at intake, the seeded ones and those just filed: the social media team asks the
        // resident for more information (an appeal's intake is theirs, R9).
        var intake = (await IntakeAppealsAsync(connection)).OrderBy(_ => Random.Shared.Next()).ToArray();
        var offset = 0;
        foreach (var level in staffLevels)
        {
            var first = offset;
            var share = intake.Length / staffLevels.Length;
            await Run("workflow", "take a step: ask for information", "POST /api/cases/{ref}/actions/request_information (manager)", [level],
                c => Bearer(c, manager),
                (c, n, ct) => c.PostAsJsonAsync($"/api/cases/{intake[first + n]}/actions/request_information",
                    new { messageToResident = "Please send a screenshot of the removed comment and the date you posted it." }, ct),
                cap: _ => share, note: $"distinct appeals at intake; {share:N0} available at this level");
            offset += share;
        }

        var elections = await WithToken(clerk).GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{DemoMunicipalityId}/elections");
        var election = elections.EnumerateArray().First().GetProperty("id").GetGuid();
        await Run("elections", "clerk dashboard", "GET /api/elections/{id}/dashboard", staffLevels, c => Bearer(c, clerk),
            (c, _, ct) => c.GetAsync($"/api/elections/{election}/dashboard", ct));
        return results;

        HttpClient WithToken(string token)
        {
            var client = Staff.ViaProxy(new HttpClient { BaseAddress = baseAddress });
            Bearer(client, token);
            return client;
        }
    }

    private async Task<List<string>> IntakeAppealsAsync(string connection)
    {
        await using var db = await TableWriter.OpenAsync(options.Provider, connection);
        var rows = await db.QueryAsync("""
            SELECT "CorrelationId" FROM complaints_workflow_instances
            WHERE "DefinitionName" = 'appeal' AND "Stage" = 'intake' AND "Status" = 1
            """);
        return rows.Select(r => (string)r[0]!).ToList();
    }

    /// <summary>
    /// The demo election with a realistic field: eleven more members run, each with an account, a campaign plan
    /// (conversion or a separate campaign account) and, for conversions, some R11 steps done and verified.
    /// </summary>
    private async Task SetUpElectionAsync(Uri host)
    {
        using var admin = await Staff.ApiAsync(host, "admin@demo.test");
        using var clerk = await Staff.ApiAsync(host, "clerk@demo.test");
        var elections = await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{DemoMunicipalityId}/elections");
        var election = elections.EnumerateArray().First().GetProperty("id").GetGuid();
        var members = new List<(Guid Id, string Name, string Email)>();
        string[] names = ["Tremblay", "Singh", "MacDonald", "Nguyen", "Okafor", "Lavoie", "Chen", "Martin", "Roy", "Gagnon", "Wilson"];
        for (var k = 0; k < names.Length; k++)
        {
            var email = $"cllr.{names[k].ToLowerInvariant()}@demo.test";
            var created = await admin.PostAsJsonAsync("/api/staff", new
            {
                email, displayName = $"Councillor {names[k]}", password = Staff.Password, roles = new[] { "Member" },
                municipalityIds = new[] { DemoMunicipalityId },
            });
            await Staff.EnsureAsync(created, $"creating {email}");
            members.Add(((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), $"Councillor {names[k]}", email));
        }

        var dashboard = await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/{election}/dashboard");
        var candidates = dashboard.GetProperty("candidates").EnumerateArray()
            .Select(c => (Candidate: c.GetProperty("id").GetGuid(), Member: c.GetProperty("memberUserId").GetGuid())).ToList();
        for (var k = 0; k < members.Count; k++)
        {
            var (id, name, email) = members[k];
            var added = await clerk.PostAsJsonAsync($"/api/elections/{election}/candidates", new
            {
                memberUserId = id, office = $"Councillor, Ward {k + 2}", intendedFilingDate = new DateOnly(2026, 5, 11 + k),
            });
            await Staff.EnsureAsync(added, $"adding candidate {name}");
            candidates.Add(((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidate").GetProperty("id").GetGuid(), id));
        }

        var registered = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts?municipalityId={DemoMunicipalityId}");
        var owned = registered.EnumerateArray().ToDictionary(a => a.GetProperty("handle").GetString()!, a => a.GetProperty("id").GetGuid());
        for (var k = 0; k < candidates.Count; k++)
        {
            var (candidate, member) = candidates[k];
            var known = members.FirstOrDefault(m => m.Id == member);
            Guid account;
            if (known.Name is null)
            {
                account = owned["@CllrMaxMember"];
            }
            else
            {
                var handle = "@Cllr" + known.Name.Split(' ')[^1];
                var response = await admin.PostAsJsonAsync("/api/accounts", new
                {
                    municipalityId = DemoMunicipalityId, platform = "Facebook", handle, profileUrl = $"https://social.example/{handle.TrimStart('@')}",
                    owner = "Member", ownerName = known.Name, ownerUserId = member, purpose = "Ward news and constituency updates.",
                    responsibleName = known.Name, responsibleEmail = known.Email,
                });
                await Staff.EnsureAsync(response, $"registering {handle}");
                account = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            var conversion = k % 3 != 2;
            var plan = await clerk.PutAsJsonAsync($"/api/elections/candidates/{candidate}/plans", conversion
                ? new { accountId = account, choice = "Conversion", campaignHandle = (string?)null, campaignProfileUrl = (string?)null }
                : new { accountId = account, choice = "SeparateCampaignAccount", campaignHandle = (string?)$"@Elect{k}Ward",
                    campaignProfileUrl = (string?)$"https://social.example/Elect{k}Ward" });
            await Staff.EnsureAsync(plan, "setting a campaign plan");
            if (!conversion)
            {
                continue;
            }

            var steps = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidate").GetProperty("plans").EnumerateArray()
                .SelectMany(p => p.GetProperty("steps").EnumerateArray()).Select(s => s.GetProperty("id").GetGuid()).ToList();
            foreach (var (step, index) in steps.Take(k % 6).Select((s, i) => (s, i)))
            {
                using var form = new MultipartFormDataContent
                {
                    { new StringContent($"https://social.example/evidence/{step}"), "evidenceUrl" },
                    { new StringContent("Done; screenshot on the member's page."), "note" },
                };
                await Staff.EnsureAsync(await clerk.PostAsync($"/api/elections/steps/{step}/completion", form), "completing a step");
                if (index % 2 == 0)
                {
                    await Staff.EnsureAsync(await clerk.PostAsync($"/api/elections/steps/{step}/verification", null), "verifying a step");
                }
            }
        }

        log($"election: {candidates.Count} candidates with campaign plans");
    }

    /// <summary>Waits until every outbox is empty (events handled, e-mails delivered); false if it took too long.</summary>
    private static async Task<bool> WaitForOutboxAsync(TableWriter db, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (await Seeder.PendingOutboxAsync(db) > 0)
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(250);
        }

        return true;
    }

    private async Task<(string Summary, TimeSpan Took)> VerifyAuditAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (exitCode, output, took) = await HostProcess.RunCommandAsync(repoRoot, environment, "--verify-audit");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("chain intact", StringComparison.Ordinal) || l.Contains("BROKEN", StringComparison.Ordinal));
        var summary = (exitCode == 0 ? "intact: " : "BROKEN: ") + string.Join("; ", lines);
        return (summary, took);
    }

    private async Task<long> DatabaseSizeAsync(string connection, string data)
    {
        if (options.Provider == Provider.Sqlite)
        {
            return Directory.GetFiles(data, "governance.db*").Sum(f => new FileInfo(f).Length);
        }

        await using var db = await TableWriter.OpenAsync(options.Provider, connection);
        return Convert.ToInt64((await db.QueryAsync("SELECT pg_database_size(current_database())"))[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static void Check(int exitCode, string output, string what)
    {
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"host {what} failed ({exitCode}): {output}");
        }
    }
}
