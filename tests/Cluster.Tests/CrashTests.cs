using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Governance.Cluster.Tests;

/// <summary>
/// One of two hosts is killed (SIGKILL) while residents file appeals and staff move cases on both. Nothing a
/// client was told succeeded is lost, nothing is half done, and the survivor finishes the dead host's work.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Filings = 40;
    private const int WaitingCases = 12;

    private sealed record Filed(Guid SubmissionId, string Reference, HttpStatusCode Status, bool Retried);

    [Fact]
    public async Task A_host_killed_mid_work_loses_no_filing_leaves_no_case_half_moved_and_the_survivor_finishes_its_work()
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await Cluster.CreateAsync();
        using var silent = new SilentSmtpServer();
        var shortClaims = new Dictionary<string, string> { ["Outbox:ClaimSeconds"] = "20" };

        // A's mail server never answers: A's outbox job hangs mid-delivery, holding a worker and the claim on a
        // confirmation e-mail, until A dies.
        var a = await cluster.StartAsync("A", new Dictionary<string, string>(shortClaims) { ["Mail:Smtp:Port"] = silent.Port.ToString() });
        var canary = await Api.FileAppealAsync(a);
        var canaryMail = await CanaryMailAsync(cluster, canary);
        Assert.True(await Cluster.EventuallyAsync(async () => silent.Connections > 0 && await ClaimedAsync(cluster, canaryMail),
            TimeSpan.FromSeconds(30)), $"A never started delivering\n{cluster.Logs}");
        var instanceOfA = Assert.Single(await cluster.ServersAsync());
        var b = await cluster.StartAsync("B", shortClaims);
        var instanceOfB = Assert.Single(await cluster.ServersAsync(), s => s != instanceOfA);
        Assert.True(await cluster.ScalarAsync<long>(
            """
            SELECT COUNT(*) FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%DispatchOutboxJob%' AND s.data::jsonb->>'ServerId' = $1
            """, instanceOfA) >= 1, "A is not stuck delivering");
        output.WriteLine($"{clock.Elapsed}: A and B up; A stuck delivering {canary}'s confirmation");

        // Signed in on A, used on both.
        var token = await Api.LoginAsync(a, "manager@demo.test");
        using var staffOnA = Api.Staff(a, token);
        using var staffOnB = Api.Staff(b, token);
        using var publicOnA = a.Client();
        using var publicOnB = b.Client();
        var waiting = new List<string>();
        for (var i = 0; i < WaitingCases; i++)
        {
            waiting.Add(await Api.FileAppealAsync(b));
        }

        // Requests to A are counted, so A can be killed with some in flight.
        var inFlightOnA = 0;
        var answeredByA = 0;
        var failedOnA = 0;
        async Task<HttpResponseMessage> OnA(Func<Task<HttpResponseMessage>> call)
        {
            Interlocked.Increment(ref inFlightOnA);
            try
            {
                var response = await call();
                Interlocked.Increment(ref answeredByA);
                return response;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failedOnA);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref inFlightOnA);
            }
        }

        // Residents: a form sent to A that gets no answer is sent again to B, with the same form id.
        var filed = new ConcurrentBag<Filed>();
        var unexpected = new ConcurrentBag<string>();
        var filing = Parallel.ForEachAsync(Enumerable.Range(0, Filings), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (n, ct) =>
        {
            var submission = Guid.NewGuid();
            HttpResponseMessage? response = null;
            var retried = false;
            try
            {
                response = n % 2 == 0
                    ? await OnA(() => Api.FileAppealAsync(publicOnA, submission, ct))
                    : await Api.FileAppealAsync(publicOnB, submission, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                retried = true;
                response = await Api.FileAppealAsync(publicOnB, submission, ct);
            }

            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                filed.Add(new Filed(submission, await Api.ReferenceAsync(response), response.StatusCode, retried));
            }
            else
            {
                unexpected.Add($"filing {submission}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });

        // Staff: the same step sent to both hosts at once, for every waiting case.
        var stepAnswers = new ConcurrentDictionary<string, string[]>();
        var stepping = Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (reference, ct) =>
        {
            async Task<string> Answer(Task<HttpResponseMessage> call)
            {
                try
                {
                    return ((int)(await call).StatusCode).ToString();
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return "no answer";
                }
            }

            stepAnswers[reference] = await Task.WhenAll(
                Answer(OnA(() => Api.ActAsync(staffOnA, reference, Api.Step, Api.StepBody, ct: ct))),
                Answer(Api.ActAsync(staffOnB, reference, Api.Step, Api.StepBody, ct: ct)));
        });

        // Kill A once it has answered some requests and is working on others.
        var killed = await Task.Run(async () =>
        {
            while (!(filing.IsCompleted && stepping.IsCompleted))
            {
                if (Volatile.Read(ref answeredByA) >= 6 && Volatile.Read(ref inFlightOnA) >= 2)
                {
                    var inFlight = Volatile.Read(ref inFlightOnA);
                    a.Kill();
                    return inFlight;
                }

                await Task.Delay(1);
            }

            return 0;
        });
        Assert.True(killed >= 2, "the load ended before A could be killed with requests in flight");
        var killedAt = clock.Elapsed;
        await Task.WhenAll(filing, stepping);
        output.WriteLine($"{killedAt}: A killed with {killed} requests in flight; it had answered {answeredByA}, {failedOnA} got no answer");
        output.WriteLine($"{clock.Elapsed}: load done: {filed.Count(f => f.Retried)} filings sent again to B, "
            + $"{filed.Count(f => f.Status == HttpStatusCode.OK)} of them had been filed on A before it died");

        // Every filing got its case, once, with its audit entry and workflow.
        Assert.Empty(unexpected);
        Assert.Equal(Filings, filed.Count);
        Assert.Equal(Filings, filed.Select(f => f.Reference).Distinct().Count());
        foreach (var f in filed)
        {
            Assert.Equal(1, await cluster.ScalarAsync<long>("""SELECT COUNT(*) FROM complaints_cases WHERE "SubmissionId" = $1""", f.SubmissionId));
        }

        foreach (var f in filed.Where(f => f.Status == HttpStatusCode.Created))
        {
            var found = await staffOnB.GetAsync(new Uri($"/api/cases/{f.Reference}", UriKind.Relative));
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"{f.Reference} was created but B cannot find it: {(int)found.StatusCode}");
        }

        Assert.Equal(Filings + WaitingCases + 1, await cluster.ScalarAsync<long>("SELECT COUNT(*) FROM complaints_cases"));

        // No case is half moved: its stage, open task, journal, audit trail and timeline agree.
        var cases = await cluster.QueryAsync(
            """
            SELECT c."Reference", i."Stage", i."JournalLength",
                (SELECT COUNT(*) FROM complaints_workflow_instances x WHERE x."CorrelationId" = c."Reference"),
                (SELECT COUNT(*) FROM complaints_workflow_journal j WHERE j."InstanceId" = i."Id"),
                (SELECT COUNT(*) FROM complaints_workflow_journal j WHERE j."InstanceId" = i."Id" AND j."Action" = 'request_information'),
                (SELECT COUNT(*) FROM complaints_audit_entries e WHERE e."RecordId" = c."Reference" AND e."Action" = 'case.request_information'),
                (SELECT COUNT(*) FROM complaints_audit_entries e WHERE e."RecordId" = c."Reference" AND e."Action" = 'appeal.filed'),
                (SELECT COUNT(*) FROM complaints_timeline t WHERE t."CaseId" = c."Id" AND t."Text" LIKE 'We need more information%'),
                (SELECT COALESCE(string_agg(b."Stage", ','), '') FROM complaints_workflow_bookmarks b
                    WHERE b."InstanceId" = i."Id" AND b."Kind" = 1 AND b."ConsumedAt" IS NULL)
            FROM complaints_cases c LEFT JOIN complaints_workflow_instances i ON i."CorrelationId" = c."Reference"
            """,
            r => new
            {
                Reference = r.GetString(0), Stage = r.IsDBNull(1) ? null : r.GetString(1), JournalLength = r.IsDBNull(2) ? -1 : r.GetInt32(2),
                Instances = r.GetInt64(3), Journal = r.GetInt64(4), Accepted = r.GetInt64(5), AuditedAccept = r.GetInt64(6),
                AuditedFiling = r.GetInt64(7), Told = r.GetInt64(8), OpenTasks = r.GetString(9),
            });
        foreach (var c in cases)
        {
            var moved = c.Stage == "awaiting_information" ? 1 : 0;
            Assert.True(c.Instances == 1 && (c.Stage is "intake" or "awaiting_information") && c.JournalLength == c.Journal && c.OpenTasks == c.Stage
                && c.Accepted == moved && c.AuditedAccept == moved && c.Told == moved && c.AuditedFiling == 1,
                $"inconsistent case: {c}");
        }

        Assert.Equal(0, await cluster.ScalarAsync<long>(
            """SELECT COUNT(*) FROM complaints_workflow_instances i WHERE NOT EXISTS (SELECT 1 FROM complaints_cases c WHERE c."Reference" = i."CorrelationId")"""));
        Assert.Equal(0, await cluster.ScalarAsync<long>("SELECT COUNT(*) FROM complaints_workflow_incidents"));
        foreach (var (reference, answers) in stepAnswers)
        {
            var stage = cases.Single(c => c.Reference == reference).Stage;
            Assert.True(answers.Count(x => x == "200") <= 1 && (!answers.Contains("200") || stage == "awaiting_information")
                && (answers[1] != "409" || stage == "awaiting_information"), $"{reference} at {stage}: A {answers[0]}, B {answers[1]}");
        }

        output.WriteLine($"{clock.Elapsed}: {cases.Count(c => c.Stage == "awaiting_information")} of {WaitingCases} waiting cases moved, "
            + $"answers {string.Join(" ", stepAnswers.Values.Select(x => $"{x[0]}/{x[1]}"))}");

        // The survivor removes the dead host's server, runs the jobs and, once its claim lapses, sends the mail A never sent.
        Assert.True(await Cluster.EventuallyAsync(async () => !(await cluster.ServersAsync()).Contains(instanceOfA), TimeSpan.FromSeconds(60)),
            $"B never removed A's server\n{cluster.Logs}");
        output.WriteLine($"{clock.Elapsed}: B removed A's scheduler server");
        await cluster.AssertEveryMailSentOnceAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"{clock.Elapsed}: every e-mail delivered once");
        var mail = cluster.Mail();
        foreach (var reference in cases.Select(c => c.Reference))
        {
            Assert.Single(mail, m => m.Subject == $"Your appeal {reference}");
        }

        Assert.Contains(mail, m => m.OutboxId == canaryMail);
        Assert.True((await cluster.RunsByServerAsync("DispatchOutboxJob")).GetValueOrDefault(instanceOfB) > 0, "B never ran the outbox job");

        var (exitCode, audit) = await cluster.VerifyAuditAsync();
        Assert.True(exitCode == 0, audit);
        Assert.Contains("Complaints:", audit, StringComparison.Ordinal);
        output.WriteLine($"{clock.Elapsed}: audit chains verified\n{audit}");
    }

    private static async Task<Guid> CanaryMailAsync(Cluster cluster, string reference)
        => (await cluster.QueryAsync(
            """SELECT "Id" FROM complaints_outbox_messages WHERE "Kind" = 2 AND "Payload" LIKE '%' || $1 || '%'""",
            r => r.GetGuid(0), reference)).Single();

    private static async Task<bool> ClaimedAsync(Cluster cluster, Guid mail)
        => await cluster.ScalarAsync<long>(
            """SELECT COUNT(*) FROM complaints_outbox_messages WHERE "Id" = $1 AND "ClaimId" IS NOT NULL AND "ProcessedAt" IS NULL""",
            mail) == 1;
}
