using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Accounts.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Elections.Jobs;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>Elections through the HTTP API on a real database: the clerk's tracking, the member's checklist, the reminder job.</summary>
[Trait("Category", "Slow")]
public sealed class ElectionCampaignTests
{
    private static readonly Guid Demo = AccountsModule.DemoMunicipalityId;
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    /// <summary>A PNG header: enough for the evidence check, which reads the content, not the name.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task R11_R12_a_whole_election_year_on_a_fake_clock_every_reminder_once_on_its_day_across_a_restart()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 1, 10, 13, 0, 0, TimeSpan.Zero));
        var folder = Path.Combine(Path.GetTempPath(), $"governance-election-year-{Guid.NewGuid():N}");
        var app = new GovernanceFactory(dataFolder: folder) { Clock = clock };
        try
        {
            // The demo tracks the 2026 election with the member as a candidate planning to file on 15 May.
            var clerk = await app.ClientForAsync("clerk@demo.test");
            var election = (await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{Demo}/elections"))[0];
            var electionId = election.GetProperty("id").GetGuid();
            Assert.Equal("2026-08-21", election.GetProperty("nominationDay").GetString());
            var dashboard = await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/{electionId}/dashboard");
            var candidate = dashboard.GetProperty("candidates")[0];
            var candidateId = candidate.GetProperty("id").GetGuid();
            Assert.Equal("2026-05-15", candidate.GetProperty("intendedFilingDate").GetString());

            // The member converts their account: eight R11 steps appear.
            var member = await app.ClientForAsync("member@demo.test");
            var accountId = await MemberAccountAsync(app);
            var plan = await member.PutAsJsonAsync($"/api/elections/candidates/{candidateId}/plans", new { accountId, choice = "Conversion" });
            Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
            var steps = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidate").GetProperty("plans")[0].GetProperty("steps")
                .EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("id").GetGuid());
            Assert.Equal(8, steps.Count);

            var days = new List<(DateOnly Day, string Key)>();
            for (var day = new DateOnly(2026, 1, 11); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
            {
                // 03:00 UTC is still the previous evening in Toronto: nothing for "day" may go out then.
                foreach (var hourUtc in new[] { 3, 13 })
                {
                    clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero));
                    if (day == new DateOnly(2026, 4, 15) && hourUtc == 13)
                    {
                        // The first reminder goes out through the real recurring job, run by the scheduler as in production.
                        app.Services.GetRequiredService<Hangfire.IRecurringJobManager>().Trigger("send-election-reminders");
                        Assert.True(await EventuallyAsync(async () => await InDbAsync(app, db => db.Tasks.CountAsync()) == 1), "the scheduled job sent the reminder");
                    }

                    await RunRemindersAsync(app);
                    await RunRemindersAsync(app); // a retry of the job sends nothing more
                }

                if (day == new DateOnly(2026, 4, 20))
                {
                    member = await app.ClientForAsync("member@demo.test");
                    foreach (var code in steps.Keys.Where(c => c != "b"))
                    {
                        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(member, steps[code], $"https://example.ca/evidence/{code}")).StatusCode);
                    }
                }

                if (day == new DateOnly(2026, 6, 1))
                {
                    member = await app.ClientForAsync("member@demo.test");
                    Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(member, steps["b"], null, Png)).StatusCode);
                }

                if (day == new DateOnly(2026, 7, 1))
                {
                    // A restart in the middle of the year: the next host finds every reminder sent so far and repeats none.
                    await app.DisposeAsync();
                    app = new GovernanceFactory(dataFolder: folder) { Clock = clock };
                }

                if (day == new DateOnly(2026, 8, 18))
                {
                    clerk = await app.ClientForAsync("clerk@demo.test");
                    Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsJsonAsync($"/api/elections/candidates/{candidateId}/filing",
                        new { intendedFilingDate = "2026-05-15", actualFilingDate = "2026-08-18" })).StatusCode);
                }
            }

            var tasks = await InDbAsync(app, db => db.Tasks.AsNoTracking().ToListAsync());
            var made = tasks.Select(t => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.CreatedAt, Toronto).DateTime), t.Key))
                .OrderBy(t => t.Day).ToList();
            Assert.Equal(
            [
                (new DateOnly(2026, 4, 15), "filing:2026-05-15:30"),
                (new DateOnly(2026, 5, 1), "filing:2026-05-15:14"),
                (new DateOnly(2026, 5, 8), "filing:2026-05-15:7"),
                (new DateOnly(2026, 5, 14), "filing:2026-05-15:1"),
                (new DateOnly(2026, 5, 16), "overdue:2026-05-15"),
                (new DateOnly(2026, 7, 22), "nomination:2026-08-21:30"),
                (new DateOnly(2026, 8, 7), "nomination:2026-08-21:14"),
                (new DateOnly(2026, 8, 14), "nomination:2026-08-21:7"),
            ], made);

            // Each reminder is one e-mail to the member; the overdue step also went once to the clerk and once to the IC.
            var mails = await InDbAsync(app, db => db.Set<OutboxMessage>().Where(m => m.Kind == OutboxKind.Mail).Select(m => m.Payload).ToListAsync());
            Assert.Equal(8, mails.Count(m => m.Contains("member@demo.test", StringComparison.Ordinal)));
            Assert.Single(mails, m => m.Contains("clerk@demo.test", StringComparison.Ordinal) && m.Contains("Overdue", StringComparison.Ordinal));
            Assert.Single(mails, m => m.Contains("ic@demo.test", StringComparison.Ordinal) && m.Contains("Overdue", StringComparison.Ordinal));
            await app.DispatchOutboxAsync();
            var delivered = Directory.GetFiles(Path.Combine(folder, "mail-pickup"), "*.eml").Select(File.ReadAllText).ToList();
            Assert.Equal(8, delivered.Count(m => m.Contains("To: member@demo.test", StringComparison.OrdinalIgnoreCase)));

            // The member's task list shows them; the clerk verifies the file evidence.
            member = await app.ClientForAsync("member@demo.test");
            Assert.Equal(8, (await member.GetFromJsonAsync<JsonElement>("/api/elections/my/tasks")).GetArrayLength());
            clerk = await app.ClientForAsync("clerk@demo.test");
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/elections/steps/{steps["b"]}/verification", null)).StatusCode);
            var evidence = await clerk.GetAsync($"/api/elections/steps/{steps["b"]}/evidence");
            Assert.Equal(Png, await evidence.Content.ReadAsByteArrayAsync());
            var planId = (await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/candidates/{candidateId}"))
                .GetProperty("candidate").GetProperty("plans")[0].GetProperty("id").GetGuid();

            // Until 31 December the clerk re-checks; afterwards the account may be restored, and re-checks end.
            Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsync($"/api/elections/plans/{planId}/restoration", null)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/elections/plans/{planId}/rechecks",
                new { compliant = false })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/elections/plans/{planId}/rechecks",
                new { compliant = true, note = "Profile still labelled not official." })).StatusCode);
            clock.Set(new DateTimeOffset(2027, 1, 2, 15, 0, 0, TimeSpan.Zero));
            clerk = await app.ClientForAsync("clerk@demo.test");
            member = await app.ClientForAsync("member@demo.test");
            Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/elections/plans/{planId}/rechecks",
                new { compliant = true, note = "late" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"/api/elections/plans/{planId}/restoration", null)).StatusCode);
            await RunRemindersAsync(app);
            Assert.Equal(8, await InDbAsync(app, db => db.Tasks.CountAsync()));
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestFolders.TryDelete(folder);
        }
    }

    [Fact]
    public async Task R11_the_clerk_tracks_candidates_plans_a_separate_campaign_account_and_exports_the_dashboard()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        await using var app = new GovernanceFactory { Clock = clock };
        var clerk = await app.ClientForAsync("clerk@demo.test");
        var electionId = (await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{Demo}/elections"))[0].GetProperty("id").GetGuid();
        var candidateId = (await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/{electionId}/dashboard"))
            .GetProperty("candidates")[0].GetProperty("id").GetGuid();
        var accountId = await MemberAccountAsync(app);

        // Bad input changes nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/elections/municipalities/{Demo}/elections",
            new { kind = "Regular", year = 2026 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/elections/municipalities/{Demo}/elections",
            new { kind = "Regular", year = 2027 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PutAsJsonAsync($"/api/elections/candidates/{candidateId}/filing",
            new { intendedFilingDate = "2026-09-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PutAsJsonAsync($"/api/elections/candidates/{candidateId}/plans",
            new { accountId, choice = "SeparateCampaignAccount", campaignHandle = "<script>alert(1)</script>", campaignProfileUrl = "https://x.ca" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PutAsJsonAsync($"/api/elections/candidates/{candidateId}/plans",
            new { accountId = Guid.NewGuid(), choice = "NotUsed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/elections/candidates/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PutAsJsonAsync($"/api/elections/{electionId}/dates", new
        {
            nominationPeriodOpens = "2026-05-01", nominationDay = "2026-08-21", votingDay = "2026-10-26", termStarts = "2026-11-15",
            campaignPeriodEnds = "2026-12-31",
        })).StatusCode); // a regular election's dates change only with a reason

        // A separate campaign account is registered in Accounts as a campaign account, not official.
        var separate = await clerk.PutAsJsonAsync($"/api/elections/candidates/{candidateId}/plans",
            new { accountId, choice = "SeparateCampaignAccount", campaignHandle = "@MaxForWard1", campaignProfileUrl = "https://www.facebook.com/MaxForWard1" });
        Assert.Equal(HttpStatusCode.OK, separate.StatusCode);
        var campaignAccountId = (await separate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidate").GetProperty("plans")[0]
            .GetProperty("campaignAccountId").GetGuid();
        await app.DispatchOutboxAsync();
        await app.DispatchOutboxAsync(); // redelivery registers nothing twice
        using (var scope = app.Services.CreateScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IAccountRegistry>();
            var campaign = await registry.FindAsync(Demo, campaignAccountId, CancellationToken.None);
            Assert.NotNull(campaign);
            Assert.Equal(("Campaign", "Personal"), (campaign.OwnerType, campaign.Classification));
            Assert.Single(await registry.ListAsync(Demo, CancellationToken.None), a => a.Handle == "@MaxForWard1");
        }

        // The dashboard, its CSV and its calendar feed.
        var view = await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/{electionId}/dashboard");
        Assert.Equal("SeparateCampaignAccount", view.GetProperty("candidates")[0].GetProperty("plans")[0].GetProperty("choice").GetString());
        var csv = await clerk.GetStringAsync($"/api/elections/{electionId}/dashboard.csv");
        Assert.Contains("\"Councillor Max Member\",\"Councillor, Ward 1\",\"2026-05-15\"", csv, StringComparison.Ordinal);
        var feed = (await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/{electionId}/feed")).GetProperty("url").GetString()!;
        var anonymous = app.CreateClient();
        var ics = await anonymous.GetAsync(new Uri(feed).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;VALUE=DATE:20261026", text, StringComparison.Ordinal);
        Assert.Contains("Councillor Max Member: planned nomination filing", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/elections/feeds/{feed.Split('/')[^2]}x/calendar.ics")).StatusCode);

        // Roles and municipalities: the member sees only their own candidacy; moderators and other towns see nothing.
        var member = await app.ClientForAsync("member@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/elections/candidates/{candidateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/elections/{electionId}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/elections/candidates/{candidateId}/filing",
            new { intendedFilingDate = "2026-05-15", actualFilingDate = "2026-03-01" })).StatusCode);
        var moderator = await app.ClientForAsync("moderator@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/api/elections/candidates/{candidateId}")).StatusCode);
        var (_, otherClerk) = await app.AddOtherMunicipalityAsync();
        var other = await app.ClientForAsync(otherClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/elections/{electionId}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/elections/candidates/{candidateId}")).StatusCode);

        // A by-election with its own dates; its nomination period counts for the candidate-posting rule.
        var by = await clerk.PostAsJsonAsync($"/api/elections/municipalities/{Demo}/elections", new
        {
            kind = "ByElection", name = "Ward 2 by-election", nominationPeriodOpens = "2027-02-01", nominationDay = "2027-03-05",
            votingDay = "2027-04-12", termStarts = "2027-04-13", campaignPeriodEnds = "2027-07-31",
        });
        Assert.Equal(HttpStatusCode.Created, by.StatusCode);
        using var check = app.Services.CreateScope();
        check.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var calendar = check.ServiceProvider.GetRequiredService<Elections.Contracts.IElectionCalendar>();
        Assert.True((await calendar.NominationPeriodOnAsync(Demo, new DateOnly(2027, 2, 10), CancellationToken.None)).InNominationPeriod);
        Assert.False((await calendar.NominationPeriodOnAsync(Demo, new DateOnly(2027, 3, 6), CancellationToken.None)).InNominationPeriod);
    }

    [Fact]
    public async Task R11_a_candidate_posting_can_be_cited_only_on_a_municipal_account_in_the_nomination_period_and_the_clerk_sees_it()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 6, 2, 14, 0, 0, TimeSpan.Zero));
        await using var app = new GovernanceFactory { Clock = clock };
        var manager = await app.ClientForAsync("manager@demo.test");
        var registered = await manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = Demo, platform = "Facebook", handle = "@DemoTownship", profileUrl = "https://www.facebook.com/DemoTownship",
            owner = "Municipality", ownerName = "Demo Township", purpose = "Township news.", responsibleName = "Sam Manager",
            responsibleEmail = "manager@demo.test",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var township = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var rule = (await manager.GetFromJsonAsync<JsonElement>($"/api/policies/rules?municipalityId={Demo}")).EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == "candidate_posting").GetProperty("id").GetString()!;

        async Task<HttpResponseMessage> HideAsync(Guid account, DateTimeOffset occurred)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("Hide"), "kind" }, { new StringContent("@MaxForWard1"), "targetHandle" },
                { new StringContent("Vote for me on October 26!"), "contentAsPosted" },
                { new StringContent(occurred.ToString("O")), "occurredAt" }, { new StringContent(rule), "rule" },
            };
            return await manager.PostAsync($"/api/accounts/{account}/moderation-actions", form);
        }

        Assert.Equal(HttpStatusCode.Created, (await HideAsync(township, new DateTimeOffset(2026, 6, 1, 16, 0, 0, TimeSpan.Zero))).StatusCode);
        var outside = await HideAsync(township, new DateTimeOffset(2026, 4, 20, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("nomination period", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await HideAsync(await MemberAccountAsync(app), new DateTimeOffset(2026, 6, 1, 16, 0, 0, TimeSpan.Zero))).StatusCode);

        var clerk = await app.ClientForAsync("clerk@demo.test");
        var electionId = (await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{Demo}/elections"))[0].GetProperty("id").GetGuid();
        var postings = (await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/{electionId}/dashboard")).GetProperty("candidatePostings");
        Assert.Equal("@MaxForWard1", Assert.Single(postings.EnumerateArray()).GetProperty("targetHandle").GetString());
    }

    private static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid step, string? url, byte[]? file = null)
    {
        using var form = new MultipartFormDataContent();
        if (url is not null)
        {
            form.Add(new StringContent(url), "evidenceUrl");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new("image/png");
            form.Add(content, "evidence", "screenshot.png");
        }

        return await client.PostAsync($"/api/elections/steps/{step}/completion", form);
    }

    private static async Task<Guid> MemberAccountAsync(GovernanceFactory app)
    {
        using var scope = app.Services.CreateScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<IAccountRegistry>().ListAsync(Demo, CancellationToken.None);
        return accounts.Single(a => a.Handle == "@CllrMaxMember").Id;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return true;
            }
        }

        return false;
    }

    private static async Task RunRemindersAsync(GovernanceFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ElectionReminders>().SendDueAsync(CancellationToken.None);
    }

    private static async Task<T> InDbAsync<T>(GovernanceFactory app, Func<ElectionsDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await query(scope.ServiceProvider.GetRequiredService<ElectionsDbContext>());
    }
}
