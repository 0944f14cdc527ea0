using System.Text.RegularExpressions;
using Governance.Testing;
using Npgsql;

namespace Governance.Cluster.Tests;

/// <summary>An e-mail the SMTP sink received: its Message-ID is the outbox row's id.</summary>
internal sealed record ReceivedMail(Guid OutboxId, string To, string Subject, string Text);

/// <summary>
/// Host processes sharing one PostgreSQL database and one data folder (evidence files, the audit key and the audit
/// anchor, as the README asks of a multi-host installation; the data-protection keys are in the database), sending mail
/// to a real SMTP server.
/// </summary>
internal sealed partial class Cluster : IAsyncDisposable
{
    public const string Password = "Cluster-Password-2026!";

    private readonly List<HostProcess> _hosts = [];

    private Cluster(PostgresServer server, string connectionString, SmtpSink sink)
    {
        Server = server;
        ConnectionString = connectionString;
        Sink = sink;
    }

    public PostgresServer Server { get; }

    public string ConnectionString { get; }

    public SmtpSink Sink { get; }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"governance-cluster-{Guid.NewGuid():N}");

    /// <summary>Everything the hosts wrote, for failure messages.</summary>
    public string Logs => string.Join("\n", _hosts.Select(h => $"===== host {h.Name} =====\n{h.Log}"));

    public static async Task<Cluster> CreateAsync()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        var sink = new SmtpSink();
        await sink.InitializeAsync();
        return new Cluster(server, await server.CreateDatabaseAsync(), sink);
    }

    /// <summary>The configuration every host gets; <paramref name="overrides"/> changes or adds to it.</summary>
    public Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // seeds Demo Township and its staff
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Governance"] = ConnectionString,
            ["Storage:DataFolder"] = DataFolder,
            ["Demo:Password"] = Password,
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = Sink.Port.ToString(),
            ["Mail:Smtp:StartTls"] = "false",
            ["Scheduler:PollSeconds"] = "1",
            ["Scheduler:ClusterCheckinSeconds"] = "2",
            ["RateLimits:PublicFormsPerHour"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Information",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts a host and waits until it is ready (database up, its scheduler's server heartbeating).</summary>
    public async Task<HostProcess> StartAsync(string name, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var host = HostProcess.Start(name, Settings(overrides));
        _hosts.Add(host);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    public Task<(int ExitCode, string Output)> VerifyAuditAsync() => HostProcess.RunCommandAsync(Settings(), "--verify-audit");

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; false if it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return await condition();
    }

    /// <summary>Hangfire's servers: one per running host, by id (the host's server name and a unique suffix).</summary>
    public Task<List<string>> ServersAsync() => QueryAsync("SELECT id FROM hangfire.server ORDER BY id", r => r.GetString(0));

    /// <summary>How many runs of a job type each Hangfire server started (its Processing states), by server id.</summary>
    public async Task<Dictionary<string, long>> RunsByServerAsync(string jobType)
        => (await QueryAsync(
            """
            SELECT s.data::jsonb->>'ServerId', COUNT(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%' || $1 || '%' GROUP BY 1
            """, r => (Server: r.GetString(0), Runs: r.GetInt64(1)), jobType)).ToDictionary(x => x.Server, x => x.Runs);

    /// <summary>Runs of a job type that succeeded, on any host.</summary>
    public Task<long> SucceededRunsAsync(string jobType)
        => ScalarAsync<long>("SELECT COUNT(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%' || $1 || '%'", jobType);

    /// <summary>The outbox tables of every module (one per module, named <c>{prefix}_outbox_messages</c>).</summary>
    public async Task<IReadOnlyList<string>> OutboxTablesAsync()
        => await QueryAsync("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%\\_outbox\\_messages' ORDER BY 1",
            r => r.GetString(0));

    /// <summary>Mail rows of every module's outbox not yet delivered (nor dead-lettered).</summary>
    public async Task<long> PendingMailAsync()
    {
        long pending = 0;
        foreach (var table in await OutboxTablesAsync())
        {
            pending += await ScalarAsync<long>(
                $"""SELECT COUNT(*) FROM {table} WHERE "Kind" = 2 AND "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL""");
        }

        return pending;
    }

    /// <summary>Every mail row of every module's outbox: id, delivered, dead-lettered.</summary>
    public async Task<List<(Guid Id, bool Processed, bool Dead)>> MailRowsAsync()
    {
        var rows = new List<(Guid, bool, bool)>();
        foreach (var table in await OutboxTablesAsync())
        {
            rows.AddRange(await QueryAsync(
                $"""SELECT "Id", "ProcessedAt" IS NOT NULL, "DeadLetteredAt" IS NOT NULL FROM {table} WHERE "Kind" = 2""",
                r => (r.GetGuid(0), r.GetBoolean(1), r.GetBoolean(2))));
        }

        return rows;
    }

    public IReadOnlyList<ReceivedMail> Mail() => Sink.Messages().Select(Parse).ToList();

    /// <summary>
    /// Waits until the outbox is delivered, then checks the sink against it: each mail row arrived exactly once
    /// (by its Message-ID), nothing arrived that the outbox does not hold, and nothing was dead-lettered.
    /// </summary>
    public async Task AssertEveryMailSentOnceAsync(TimeSpan timeout)
    {
        Assert.True(await EventuallyAsync(async () => await PendingMailAsync() == 0, timeout),
            $"{await PendingMailAsync()} mail(s) still undelivered after {timeout.TotalSeconds} s\n{Logs}");
        var rows = await MailRowsAsync();
        Assert.DoesNotContain(rows, r => r.Dead);
        var received = Mail().GroupBy(m => m.OutboxId).ToDictionary(g => g.Key, g => g.Count());
        var twice = received.Where(r => r.Value > 1).Select(r => $"{r.Key} x{r.Value}").ToList();
        Assert.True(twice.Count == 0, $"sent more than once: {string.Join(", ", twice)}");
        Assert.Equal(rows.Select(r => r.Id).Order(), received.Keys.Order());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await Server.DisposeAsync();
        TestFolders.TryDelete(DataFolder);
        TestFolders.TryDelete(Sink.Maildir);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static ReceivedMail Parse(string message)
    {
        string Header(string name) => Regex.Match(message, $@"^{name}: (.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)
            .Groups[1].Value.Trim();
        var id = MessageId().Match(message);
        Assert.True(id.Success, $"a message without the outbox's Message-ID:\n{message}");
        return new ReceivedMail(Guid.ParseExact(id.Groups[1].Value, "N"), Header("X-RcptTo"), Header("Subject"), message);
    }

    [GeneratedRegex(@"^Message-ID: <([0-9a-f]{32})@", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageId();
}
