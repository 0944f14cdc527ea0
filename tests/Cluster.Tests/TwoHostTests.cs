using System.Net;
using Xunit.Abstractions;

// Each test runs its own hosts on two cores: one cluster at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Governance.Cluster.Tests;

/// <summary>Hosts A and B, started one after the other, on one PostgreSQL database and one data folder.</summary>
public sealed class TwoHosts : IAsyncLifetime
{
    internal Cluster Cluster { get; private set; } = null!;

    internal HostProcess A { get; private set; } = null!;

    internal HostProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await Cluster.CreateAsync();
        A = await Cluster.StartAsync("A");
        B = await Cluster.StartAsync("B");
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>Two real host processes sharing one PostgreSQL database: every step, reminder and e-mail happens once.</summary>
[Trait("Category", "Slow")]
public sealed class TwoHostTests(TwoHosts hosts, ITestOutputHelper output) : IClassFixture<TwoHosts>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private Cluster Cluster => hosts.Cluster;

    private async Task<long> CountAsync(string sql, params object[] parameters) => await Cluster.ScalarAsync<long>(sql, parameters);

    [Fact]
    public async Task A_token_from_one_host_works_on_the_other_and_one_action_sent_to_both_at_once_moves_the_case_once()
    {
        var token = await Api.LoginAsync(hosts.A, "manager@demo.test");
        using var onA = Api.Staff(hosts.A, token);
        using var onB = Api.Staff(hosts.B, token);
        // Signed in on A, accepted by B: the hosts share their data-protection keys, through the database alone: the
        // data folder they share (evidence, the audit key and anchor) holds none.
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        Assert.Empty(Directory.GetFiles(Cluster.DataFolder, "*.xml", SearchOption.AllDirectories));
        Assert.True(await CountAsync("SELECT COUNT(*) FROM platform_data_protection_keys") >= 1);

        var references = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            references.Add(await Api.FileAppealAsync(i % 2 == 0 ? hosts.A : hosts.B));
        }

        foreach (var reference in references)
        {
            var answers = await Task.WhenAll(Api.ActAsync(onA, reference, Api.Step, Api.StepBody), Api.ActAsync(onB, reference, Api.Step, Api.StepBody));
            var statuses = answers.Select(a => (int)a.StatusCode).Order().ToList();
            var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
            Assert.True(statuses.SequenceEqual([200, 409]), $"{reference}: {string.Join(" | ", bodies)}");
        }

        foreach (var reference in references)
        {
            var instance = await Cluster.QueryAsync(
                """SELECT "Id", "Stage", "JournalLength" FROM complaints_workflow_instances WHERE "CorrelationId" = $1""",
                r => (Id: r.GetGuid(0), Stage: r.GetString(1), JournalLength: r.GetInt32(2)), reference);
            var (id, stage, journalLength) = Assert.Single(instance);
            Assert.Equal("awaiting_information", stage);
            Assert.Equal(1, await CountAsync(
                """SELECT COUNT(*) FROM complaints_workflow_journal WHERE "InstanceId" = $1 AND "Event" = 'Transitioned' AND "Action" = 'request_information'""", id));
            Assert.Equal(journalLength, await CountAsync("""SELECT COUNT(*) FROM complaints_workflow_journal WHERE "InstanceId" = $1""", id));
            var open = await Cluster.QueryAsync(
                """SELECT "Stage" FROM complaints_workflow_bookmarks WHERE "InstanceId" = $1 AND "Kind" = 1 AND "ConsumedAt" IS NULL""",
                r => r.GetString(0), id);
            Assert.Equal("awaiting_information", Assert.Single(open));
            Assert.Equal(1, await CountAsync(
                """SELECT COUNT(*) FROM complaints_audit_entries WHERE "Action" = 'case.request_information' AND "RecordId" = $1""", reference));
            Assert.Equal(1, await CountAsync(
                """
                SELECT COUNT(*) FROM complaints_timeline t JOIN complaints_cases c ON c."Id" = t."CaseId"
                WHERE c."Reference" = $1 AND t."Text" LIKE 'We need more information%'
                """, reference));
        }

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM complaints_workflow_incidents"));
        await Cluster.AssertEveryMailSentOnceAsync(MailTimeout);
    }

    [Fact]
    public async Task The_same_form_sent_to_both_hosts_at_once_files_one_appeal()
    {
        using var toA = hosts.A.Client();
        using var toB = hosts.B.Client();
        for (var i = 0; i < 6; i++)
        {
            var submission = Guid.NewGuid();
            var answers = await Task.WhenAll(Api.FileAppealAsync(toA, submission), Api.FileAppealAsync(toB, submission));
            var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
            Assert.True(answers.Select(a => a.StatusCode).Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Created]),
                string.Join(" | ", answers.Select((a, n) => $"{(int)a.StatusCode} {bodies[n]}")));
            Assert.Equal(await Api.ReferenceAsync(answers[0]), await Api.ReferenceAsync(answers[1]));
            Assert.Equal(1, await CountAsync("""SELECT COUNT(*) FROM complaints_cases WHERE "SubmissionId" = $1""", submission));
        }

        await Cluster.AssertEveryMailSentOnceAsync(MailTimeout);
    }

    [Fact]
    public async Task Each_due_reminder_and_escalation_fires_once_while_both_hosts_run_the_timer_job()
    {
        var references = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            references.Add(await Api.FileAppealAsync(i % 2 == 0 ? hosts.A : hosts.B));
        }

        await Cluster.AssertEveryMailSentOnceAsync(MailTimeout);

        // The intake stage's reminder and escalation timers come due (data already due: the hosts' clock is real).
        var due = await Cluster.ExecuteAsync(
            """
            UPDATE complaints_workflow_bookmarks b SET "DueAt" = now() - interval '1 minute'
            FROM complaints_workflow_instances i
            WHERE i."Id" = b."InstanceId" AND i."CorrelationId" = ANY($1) AND b."Kind" = 2 AND b."ConsumedAt" IS NULL
            """, (object)references.ToArray());
        Assert.Equal(2 * references.Count, due);
        const string Unfired = """
            SELECT COUNT(*) FROM complaints_workflow_bookmarks b JOIN complaints_workflow_instances i ON i."Id" = b."InstanceId"
            WHERE i."CorrelationId" = ANY($1) AND b."Kind" = 2 AND b."ConsumedAt" IS NULL
            """;
        Assert.True(await Cluster.EventuallyAsync(async () => await CountAsync(Unfired, (object)references.ToArray()) == 0, TimeSpan.FromSeconds(60)),
            $"timers not fired\n{Cluster.Logs}");

        // Then the job keeps running on the cluster, once a second, with nothing more to fire.
        var firings = await TimerJobFiringsAsync();
        Assert.True(await Cluster.EventuallyAsync(async () => await TimerJobFiringsAsync() >= firings + 6, TimeSpan.FromSeconds(60)),
            "the timer job stopped running");
        Assert.Equal(2, (await Cluster.ServersAsync()).Count);
        // Either host's server takes each run from the shared queue; which one ran how often is for the record, not a requirement.
        foreach (var (server, runs) in await Cluster.RunsByServerAsync("FireWorkflowTimersJob"))
        {
            output.WriteLine($"server {server} ran the timer job {runs} times");
        }

        await Cluster.AssertEveryMailSentOnceAsync(MailTimeout);
        var mail = Cluster.Mail();
        foreach (var reference in references)
        {
            var reminder = Assert.Single(mail, m => m.Subject == $"Reminder: {reference} is due tomorrow");
            Assert.Equal("manager@demo.test", reminder.To); // intake is the social media team's (R9)
            var escalation = Assert.Single(mail, m => m.Subject == $"Overdue: {reference}");
            Assert.Equal("manager@demo.test", escalation.To); // an appeal's supervisor is the social media manager, not the IC
            Assert.Equal(2, await CountAsync(
                """
                SELECT COUNT(*) FROM complaints_workflow_journal j JOIN complaints_workflow_instances i ON i."Id" = j."InstanceId"
                WHERE i."CorrelationId" = $1 AND j."Event" = 'TimerFired'
                """, reference));
        }
    }

    private Task<long> TimerJobFiringsAsync()
        => Cluster.SucceededRunsAsync("FireWorkflowTimersJob");
}
