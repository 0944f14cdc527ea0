using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Complaints.Data;
using Governance.Platform.Audit;
using Governance.Platform.Outbox;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>Every path of the appeal workflow, end to end over HTTP, with a fake clock for deadlines and timers.</summary>
public sealed class AppealWorkflowTests(AppealClockHost host) : IClassFixture<AppealClockHost>, IAsyncLifetime
{
    private readonly FakeClock _clock = host.Clock;
    private readonly GovernanceFactory _app = host.App;
    private HttpClient _ic = null!;
    private HttpClient _investigator = null!;
    private HttpClient _manager = null!;
    private Guid _account;

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        _ic = await _app.ClientForAsync("ic@demo.test");
        _investigator = await _app.ClientForAsync("investigator@demo.test");
        _manager = await _app.ClientForAsync("manager@demo.test"); // sign-ins expired while the clock moved on
        _ic = await _app.ClientForAsync("ic@demo.test");
        var account = await _manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = AccountsModule.DemoMunicipalityId, platform = "Facebook", handle = "@DemoTownship",
            profileUrl = "https://facebook.com/DemoTownship", owner = "Municipality", ownerName = "Demo Township", purpose = "News",
            responsibleName = "Sam Manager", responsibleEmail = "manager@demo.test",
        });
        _account = (await Json(account)).GetProperty("id").GetGuid();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(string Reference, string Token)> FileAsync(params string[] grounds)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/public/appeals", new
        {
            municipality = "demo-township", accountId = _account, platformHandle = "@robin_r", subject = "Blocked",
            happenedOn = GovernanceFactory.TodayInToronto(), contentPosted = "Fix the potholes on Main St.",
            grounds, email = "robin@example.ca", name = "Robin", consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await Json(response);
        var url = filed.GetProperty("trackingUrl").GetString()!;
        return (filed.GetProperty("reference").GetString()!, url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string reference, string action, object? body = null)
        => client.PostAsJsonAsync($"/api/cases/{reference}/actions/{action}", body ?? new { });

    private async Task<string> StageAsync(string reference)
        => (await _ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("stage").GetString()!;

    private async Task<T> InDbAsync<T>(Func<ComplaintsDbContext, Task<T>> query)
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await query(scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>());
    }

    [Fact]
    public async Task Appeal_upheld_after_the_human_rights_review_with_the_rule_relied_on()
    {
        var (reference, token) = await FileAsync("race");
        var detail = await _investigator.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.Equal("intake", detail.GetProperty("stage").GetString());
        Assert.Contains(detail.GetProperty("deadline").GetProperty("steps").EnumerateArray(), s => s.GetString()!.StartsWith("Counted 5 business days", StringComparison.Ordinal));
        Assert.Equal("Official", detail.GetProperty("intake").GetProperty("classificationOnDate").GetString());
        Assert.Equal(["accept", "request_information", "close_out_of_scope"],
            (await _investigator.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}/actions")).EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(_ic, reference, "uphold", new { reasons = "x", ruleRelied = "threats" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_investigator, reference, "accept")).StatusCode);

        var incomplete = await ActAsync(_investigator, reference, "complete_review", new { pattern = "No other blocks.", finding = "No adverse effect." });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Race", (await Json(incomplete)).GetProperty("errors").GetProperty("assessments")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("hr_review", await StageAsync(reference));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_investigator, reference, "complete_review", new
        {
            assessments = new[] { new { ground = "race", assessment = "Nothing in the record links the block to race." } },
            pattern = "One block on this account in 12 months.", finding = "No direct or indirect adverse effect.",
        })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(_investigator, reference, "uphold", new { reasons = "x", ruleRelied = "threats" })).StatusCode);
        var noRule = await ActAsync(_ic, reference, "uphold", new { reasons = "The comment threatened staff." });
        Assert.True((await Json(noRule)).GetProperty("errors").TryGetProperty("ruleRelied", out _));
        var upheld = await ActAsync(_ic, reference, "uphold", new { reasons = "The comment threatened staff.", ruleRelied = "threats" });
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        Assert.Equal("Closed", (await Json(upheld)).GetProperty("status").GetString());

        var track = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Contains(track.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("keep the action", StringComparison.Ordinal));
        var mails = await InDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Kind == OutboxKind.Mail).Select(m => m.Payload).ToListAsync());
        Assert.Contains(mails, m => m.Contains("manager@demo.test", StringComparison.Ordinal) && m.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(2, mails.Count(m => m.Contains("robin@example.ca", StringComparison.Ordinal))); // confirmation and decision
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(_ic, reference, "uphold", new { reasons = "again", ruleRelied = "threats" })).StatusCode);
    }

    [Fact]
    public async Task Appeal_restored_and_confirmed_by_the_account_owner()
    {
        var (reference, _) = await FileAsync();
        await ActAsync(_investigator, reference, "accept");
        await ActAsync(_investigator, reference, "complete_review", new { pattern = "None.", finding = "No grounds were raised." });
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_ic, reference, "restore_access",
            new { reasons = "Criticism of council is protected speech.", ruleRelied = "off_topic" })).StatusCode);
        Assert.Equal("awaiting_restoration", await StageAsync(reference));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(_investigator, reference, "confirm_restored")).StatusCode);

        // The owner is reminded the business day before the deadline, and the IC is told once it is overdue; each once.
        async Task<int> MailsAsync(string subject) => await InDbAsync(db => db.Set<OutboxMessage>()
            .CountAsync(m => m.Kind == OutboxKind.Mail && m.Payload.Contains(subject) && m.Payload.Contains(reference)));
        _clock.Advance(TimeSpan.FromDays(8));
        await FireTimersAsync();
        await FireTimersAsync();
        Assert.Equal(1, await MailsAsync("Reminder:"));
        Assert.Equal(1, await MailsAsync("Overdue:"));
        _manager = await _app.ClientForAsync("manager@demo.test"); // sign-ins expired while the clock moved on
        _ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_manager, reference, "confirm_restored", new { note = "Unblocked at 10:05." })).StatusCode);
        Assert.Equal("closed", await StageAsync(reference));
    }

    [Fact]
    public async Task Appeal_needing_information_waits_for_the_resident_or_returns_when_the_deadline_passes()
    {
        var (reference, token) = await FileAsync();
        var noMessage = await ActAsync(_investigator, reference, "request_information");
        Assert.Equal(HttpStatusCode.BadRequest, noMessage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_investigator, reference, "request_information",
            new { messageToResident = "Please send a screenshot of your comment." })).StatusCode);
        var view = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Waiting for more information from you", view.GetProperty("stage").GetString());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("informationDueBy").ValueKind);

        await _app.CreateClient().PostAsJsonAsync($"/api/public/cases/{reference}/information?token={token}", new { information = "Attached." });
        Assert.Equal("intake", await StageAsync(reference));

        // Asked again, and this time nobody answers: after 10 business days the timer brings it back to intake.
        await ActAsync(_investigator, reference, "request_information", new { messageToResident = "Anything else?" });
        _clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal(0, await FireTimersAsync());
        _clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, await FireTimersAsync());
        _ic = await _app.ClientForAsync("ic@demo.test"); // the first sign-in expired while the clock moved on
        Assert.Equal("intake", await StageAsync(reference));
    }

    [Fact]
    public async Task Only_the_residents_information_or_the_case_team_with_a_reason_ends_the_wait_for_information()
    {
        var (reference, token) = await FileAsync();
        var admin = await _app.ClientForAsync("admin@demo.test");
        await ActAsync(_investigator, reference, "request_information", new { messageToResident = "Please send a screenshot." });
        Assert.DoesNotContain("information_received",
            (await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}/actions")).EnumerateArray().Select(a => a.GetString()));
        foreach (var reader in new[] { _manager, admin, _ic })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(reader, reference, "information_received")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(_manager, reference, "information_overdue", new { reasons = "Waited long enough." })).StatusCode);
        var noReason = await ActAsync(_investigator, reference, "information_overdue");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json(noReason)).GetProperty("errors").TryGetProperty("reasons", out _));
        Assert.Equal("awaiting_information", await StageAsync(reference));

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_investigator, reference, "information_overdue",
            new { reasons = "The resident phoned: no screenshot exists." })).StatusCode);
        Assert.Equal("intake", await StageAsync(reference));
        Assert.Contains((await _ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("timeline").EnumerateArray(),
            t => t.GetProperty("text").GetString()!.Contains("The resident phoned: no screenshot exists.", StringComparison.Ordinal));

        // The resident's own answer still moves it on.
        await ActAsync(_investigator, reference, "request_information", new { messageToResident = "And the date?" });
        await _app.CreateClient().PostAsJsonAsync($"/api/public/cases/{reference}/information?token={token}", new { information = "3 June." });
        Assert.Equal("intake", await StageAsync(reference));
    }

    [Fact]
    public async Task Appeal_closed_at_intake_as_out_of_scope()
    {
        var (reference, token) = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_investigator, reference, "close_out_of_scope",
            new { messageToResident = "This account is a personal account, not the municipality's." })).StatusCode);
        var view = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Closed", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Concurrent_actions_on_one_case_leave_one_consistent_result()
    {
        var (reference, _) = await FileAsync();
        var ic2 = await _app.ClientForAsync("ic@demo.test");
        var results = await Task.WhenAll(ActAsync(_investigator, reference, "accept"), ActAsync(ic2, reference, "close_out_of_scope",
            new { messageToResident = "Out of scope." }), ActAsync(_ic, reference, "accept"));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var transitions = await InDbAsync(db => db.Set<WorkflowJournalEntry>().CountAsync(j => j.Event == "Transitioned"));
        Assert.Equal(1, transitions);
        var stage = await StageAsync(reference);
        var status = (await _ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("status").GetString();
        Assert.True((stage, status) is ("hr_review", "Open") or ("closed", "Closed"), $"{stage}/{status}");
    }

    [Fact]
    public async Task Only_the_case_team_and_the_account_managers_see_an_appeal_and_every_read_is_audited()
    {
        var (reference, _) = await FileAsync();
        var moderator = await _app.ClientForAsync("moderator@demo.test");
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Empty((await clerk.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray());

        var (_, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var other = await _app.ClientForAsync(otherClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/cases/{reference}/actions/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync($"/api/cases/{reference}")).StatusCode);

        await _ic.GetAsync($"/api/cases/{reference}");
        Assert.Equal(HttpStatusCode.OK, (await _investigator.PostAsync($"/api/cases/{reference}/assign-to-me", null)).StatusCode);
        var mine = await _investigator.GetFromJsonAsync<JsonElement>("/api/cases?assignee=me");
        Assert.Equal(reference, Assert.Single(mine.EnumerateArray()).GetProperty("reference").GetString());
        var reads = await InDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.RecordId == reference && a.Action == "case.read"));
        Assert.True(reads >= 1);
        var chain = Assert.Single(await _app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None), c => c.Module == "Complaints");
        Assert.True(chain.Intact);
    }

    [Fact]
    public async Task The_case_list_pages_the_most_urgent_first_and_finds_a_case_by_reference()
    {
        var (closed, _) = await FileAsync();
        var (first, _) = await FileAsync();
        var (second, _) = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_ic, closed, "close_out_of_scope", new { messageToResident = "Not a municipal account." })).StatusCode);
        static string[] References(JsonElement list) => list.EnumerateArray().Select(c => c.GetProperty("reference").GetString()!).ToArray();

        // Open tasks by due date (the same here, so by reference), then cases without one.
        var page = await _ic.GetAsync("/api/cases?pageSize=2");
        Assert.Equal([first, second], References(await Json(page)));
        Assert.Equal("</api/cases?pageSize=2&page=2>; rel=\"next\"", page.Headers.GetValues("Link").Single());
        var last = await _ic.GetAsync("/api/cases?pageSize=2&page=2");
        Assert.Equal([closed], References(await Json(last)));
        Assert.False(last.Headers.Contains("Link"));

        Assert.Equal([first, second], References(await _ic.GetFromJsonAsync<JsonElement>("/api/cases?status=active")));
        Assert.Equal([closed], References(await _ic.GetFromJsonAsync<JsonElement>($"/api/cases?reference={closed.ToLowerInvariant()}")));
        Assert.Equal(3, References(await _ic.GetFromJsonAsync<JsonElement>($"/api/cases?reference={closed[..8]}")).Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await _ic.GetAsync("/api/cases?pageSize=501")).StatusCode);
    }

    private async Task<int> FireTimersAsync()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .FireDueTimersAsync(scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>(), CancellationToken.None);
    }
}

/// <summary>Appeals happen now: the clock starts at the real time the class's host started.</summary>
public sealed class AppealClockHost : SharedClockHost
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    protected override DateTimeOffset Start => _start;
}
