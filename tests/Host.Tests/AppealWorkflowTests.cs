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

/// <summary>
/// Every path of the appeal workflow (R8, R9), end to end over HTTP, with a fake clock for deadlines and timers: intake by
/// the social media team, the decision by whoever runs the account, one escalation.
/// </summary>
public sealed class AppealWorkflowTests(AppealClockHost host) : IClassFixture<AppealClockHost>, IAsyncLifetime
{
    private readonly FakeClock _clock = host.Clock;
    private readonly GovernanceFactory _app = host.App;
    private HttpClient _ic = null!;
    private HttpClient _moderator = null!;
    private HttpClient _manager = null!;
    private HttpClient _member = null!;
    private Guid _account;
    private Guid _memberAccount;

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        await SignInAllAsync();
        var account = await _manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = AccountsModule.DemoMunicipalityId, platform = "Facebook", handle = "@DemoTownship",
            profileUrl = "https://facebook.com/DemoTownship", owner = "Municipality", ownerName = "Demo Township", purpose = "News",
            responsibleName = "Sam Manager", responsibleEmail = "manager@demo.test",
        });
        _account = (await Json(account)).GetProperty("id").GetGuid();
        _memberAccount = (await _manager.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray()
            .First(a => a.GetProperty("owner").GetString() == "Member").GetProperty("id").GetGuid();
        await PublishHouseRulesAsync(_manager);
    }

    /// <summary>Sign-ins expire while the fake clock moves on: sign in again.</summary>
    private async Task SignInAllAsync()
    {
        _ic = await _app.ClientForAsync("ic@demo.test");
        _moderator = await _app.ClientForAsync("moderator@demo.test");
        _manager = await _app.ClientForAsync("manager@demo.test");
        _member = await _app.ClientForAsync("member@demo.test");
    }

    /// <summary>The municipality's house rules, in force from a week ago (R2, R4: a rule must be posted to be enforced).</summary>
    internal static async Task PublishHouseRulesAsync(HttpClient manager)
    {
        var draft = await Json(await manager.PostAsJsonAsync("/api/policies/documents", new { municipalityId = AccountsModule.DemoMunicipalityId, title = "Demo Township house rules" }));
        var version = draft.GetProperty("id").GetGuid();
        await manager.PutAsJsonAsync($"/api/policies/versions/{version}", new { body = "No threats. No spam.", coverage = PoliciesApiTests.FullCoverage() });
        var published = await manager.PostAsJsonAsync($"/api/policies/versions/{version}/publish", new { effectiveFrom = GovernanceFactory.TodayInToronto() });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(string Reference, string Token)> FileAsync(Guid? account = null, string subject = "Blocked", params string[] grounds)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/public/appeals", new
        {
            municipality = "demo-township", accountId = account ?? _account, platformHandle = "@robin_r", subject,
            happenedOn = GovernanceFactory.TodayInToronto(), contentPosted = "Fix the potholes on Main St.",
            grounds, email = "robin@example.ca", name = "Robin", consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await Json(response);
        var url = filed.GetProperty("trackingUrl").GetString()!;
        return (filed.GetProperty("reference").GetString()!, url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
    }

    /// <summary>A block of the appellant on an account, recorded by <paramref name="by"/> (R6: with a screenshot).</summary>
    private async Task<Guid> BlockAsync(HttpClient by, Guid account)
    {
        var threats = (await by.GetFromJsonAsync<JsonElement>($"/api/policies/rules?municipalityId={AccountsModule.DemoMunicipalityId}")).EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == "threats").GetProperty("id").GetGuid();
        var form = AccountsApiTests.Form(new Dictionary<string, string?>
        {
            ["kind"] = "Block", ["targetHandle"] = "@robin_r", ["targetProfileUrl"] = "https://facebook.com/robin_r",
            ["contentAsPosted"] = "I know where you park.", ["occurredAt"] = _clock.GetUtcNow().AddHours(-1).ToString("O"), ["rule"] = threats.ToString(),
            ["capturedAt"] = _clock.GetUtcNow().AddMinutes(-50).ToString("O"), ["credibleThreat"] = "true",
            ["blockReviewOn"] = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd"),
        }, ("s.png", AccountsApiTests.Png, "image/png"));
        var recorded = await by.PostAsync($"/api/accounts/{account}/moderation-actions", form);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        return (await Json(recorded)).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string reference, string action, object? body = null)
        => client.PostAsJsonAsync($"/api/cases/{reference}/actions/{action}", body ?? new { });

    private async Task<string> StageAsync(string reference)
        => (await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("stage").GetString()!;

    private async Task<T> InDbAsync<T>(Func<ComplaintsDbContext, Task<T>> query)
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await query(scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>());
    }

    [Fact]
    public async Task R9_a_corporate_appeal_is_routed_by_intake_and_decided_by_a_manager_who_did_not_act_then_reviewed_with_the_Ombudsman_named()
    {
        var blocked = await BlockAsync(_moderator, _account);
        var (reference, token) = await FileAsync(grounds: "race");
        var detail = await _moderator.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.Equal("intake", detail.GetProperty("stage").GetString());
        Assert.Contains(detail.GetProperty("deadline").GetProperty("steps").EnumerateArray(), s => s.GetString()!.StartsWith("Counted 5 business days", StringComparison.Ordinal));
        Assert.Equal("Official", detail.GetProperty("intake").GetProperty("classificationOnDate").GetString());
        Assert.DoesNotContain("robin@example.ca", detail.GetRawText(), StringComparison.Ordinal); // R15: nobody on staff sees it
        var actions = (await _moderator.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}/actions")).EnumerateArray().ToList();
        Assert.Equal(["route_to_owner", "request_information", "close_out_of_scope"], actions.Select(a => a.GetProperty("action").GetString()));
        Assert.Equal("accountId", actions[0].GetProperty("fields")[0].GetProperty("name").GetString());

        // The IC has no say over the municipality's accounts (R9): the appeal is not theirs to see.
        Assert.Equal(HttpStatusCode.Forbidden, (await _ic.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(_manager, reference, "uphold", new { reasons = "x", ruleRelied = "threats" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_moderator, reference, "route_to_owner", new { actionId = blocked })).StatusCode);
        Assert.Equal("owner_review", await StageAsync(reference));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(_moderator, reference, "uphold", new { reasons = "x", ruleRelied = "threats" })).StatusCode);

        // R8: each ground raised is answered; R4/R9: upholding cites a posted rule.
        var unanswered = await ActAsync(_manager, reference, "uphold", new { reasons = "The comment threatened staff.", ruleRelied = "threats" });
        Assert.Contains("Race", (await Json(unanswered)).GetProperty("errors").GetProperty("assessments")[0].GetString(), StringComparison.Ordinal);
        var answers = new[] { new { ground = "race", assessment = "Nothing in the record links the block to race." } };
        var noRule = await ActAsync(_manager, reference, "uphold", new { reasons = "The comment threatened staff.", assessments = answers });
        Assert.True((await Json(noRule)).GetProperty("errors").TryGetProperty("ruleRelied", out _));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_manager, reference, "uphold",
            new { reasons = "The comment threatened staff.", ruleRelied = "threats", assessments = answers })).StatusCode);
        Assert.Equal("decided", await StageAsync(reference));

        var resident = _app.CreateClient();
        var tracked = await resident.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Contains("The action stands.", tracked.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Nothing in the record links the block to race.", tracked.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("escalate_to_reviewer", tracked.GetProperty("options").GetProperty("escalate").GetString());
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsJsonAsync($"/api/public/cases/{reference}/escalate?token={token}",
            new { reason = "I only said where I park." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/public/cases/{reference}/escalate?token={token}", new { })).StatusCode);

        // The municipality named no reviewer: a clerk reviews, and the letter names Ombudsman Ontario.
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        Assert.Equal(reference, Assert.Single((await clerk.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray()).GetProperty("reference").GetString());
        Assert.DoesNotContain("robin@example.ca", (await clerk.GetStringAsync($"/api/cases/{reference}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(clerk, reference, "record_review", new { reasons = "Fine." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(clerk, reference, "record_review",
            new { reviewOutcome = "Confirmed", reasons = "The comment read as a threat to a named employee." })).StatusCode);
        var closed = await resident.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Contains("Ombudsman of Ontario", closed.GetRawText(), StringComparison.Ordinal);
        var mails = await InDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Kind == OutboxKind.Mail).Select(m => m.Payload).ToListAsync());
        Assert.Contains(mails, m => m.Contains("robin@example.ca", StringComparison.Ordinal) && m.Contains("Ombudsman", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R9_the_person_who_took_the_action_may_not_decide_its_appeal()
    {
        var blocked = await BlockAsync(_manager, _account);
        var (reference, _) = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_moderator, reference, "route_to_owner", new { actionId = blocked })).StatusCode);
        var refused = await ActAsync(_manager, reference, "restore_access", new { reasons = "On reflection." });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("someone other than the person who acted", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("owner_review", await StageAsync(reference));
    }

    [Fact]
    public async Task R9_a_members_appeal_goes_to_the_member_and_escalates_to_the_IC_as_a_complaint_the_resident_completes_and_signs()
    {
        var (reference, token) = await FileAsync(_memberAccount, grounds: "disability");
        Assert.Equal(HttpStatusCode.Forbidden, (await _member.GetAsync($"/api/cases/{reference}")).StatusCode); // not routed yet
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_moderator, reference, "route_to_owner")).StatusCode);
        var seen = await _member.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.Equal("AppealOwner", seen.GetProperty("sight").GetString());
        Assert.Equal("Member", seen.GetProperty("appeal").GetProperty("ownerKind").GetString());
        Assert.DoesNotContain("robin@example.ca", seen.GetRawText(), StringComparison.Ordinal);
        Assert.Empty((await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}/actions")).EnumerateArray()); // not offered
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(_manager, reference, "uphold", new { reasons = "x", ruleRelied = "threats",
            assessments = new[] { new { ground = "disability", assessment = "x" } } })).StatusCode); // the member decides their own account's appeal
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_member, reference, "uphold", new
        {
            reasons = "The reply abused another resident.", ruleRelied = "threats",
            assessments = new[] { new { ground = "disability", assessment = "The block rests on the abuse, not on a disability." } },
        })).StatusCode);

        var resident = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsJsonAsync($"/api/public/cases/{reference}/escalate?token={token}", new { })).StatusCode);
        var appeal = await resident.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Closed", appeal.GetProperty("status").GetString());
        var complaintReference = await InDbAsync(db => db.Set<Complaints.Domain.AppealDetails>().Select(a => a.LinkedComplaintReference).SingleAsync(a => a != null));
        Assert.Equal(complaintReference, appeal.GetProperty("linked").GetProperty("reference").GetString());

        // The IC's team sees it only once the resident has completed and signed it (R16: no anonymous formal complaint).
        Assert.Empty((await _ic.GetFromJsonAsync<JsonElement>("/api/cases?type=complaint")).EnumerateArray());
        var mail = await InDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Kind == OutboxKind.Mail && m.Payload.Contains(complaintReference!))
            .Select(m => m.Payload).SingleAsync());
        var complaintToken = System.Text.RegularExpressions.Regex.Match(mail, $"/track/{complaintReference}\\?token=([A-Za-z0-9_-]+)").Groups[1].Value;
        var draft = await resident.GetFromJsonAsync<JsonElement>($"/api/public/cases/{complaintReference}?token={complaintToken}");
        Assert.True(draft.GetProperty("options").GetProperty("complete").GetBoolean());
        Assert.Contains("blocked me", draft.GetProperty("whatHappened").GetString(), StringComparison.Ordinal);
        var article = (await resident.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/articles")).EnumerateArray()
            .First().GetProperty("id").GetGuid();
        var today = GovernanceFactory.TodayInToronto().ToString("yyyy-MM-dd");
        var unsigned = await resident.PostAsJsonAsync($"/api/public/cases/{complaintReference}/complete?token={complaintToken}", new
        {
            articles = new[] { article }, postLinks = "https://facebook.com/CllrMaxMember/posts/1", whatHappened = draft.GetProperty("whatHappened").GetString(),
            conductOn = today, awareOn = today, declarationName = "Someone Else", declarationConfirmed = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsJsonAsync($"/api/public/cases/{complaintReference}/complete?token={complaintToken}", new
        {
            articles = new[] { article }, postLinks = "https://facebook.com/CllrMaxMember/posts/1", whatHappened = draft.GetProperty("whatHappened").GetString(),
            conductOn = today, awareOn = today, declarationName = "Robin", declarationConfirmed = true, allegesDiscrimination = true,
        })).StatusCode);
        var filed = await _ic.GetFromJsonAsync<JsonElement>($"/api/cases/{complaintReference}");
        Assert.Equal("intake", filed.GetProperty("stage").GetString());
        Assert.Equal(reference, filed.GetProperty("complaint").GetProperty("fromAppeal").GetString());
        Assert.Equal("Councillor Max Member", filed.GetProperty("complaint").GetProperty("member").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/public/cases/{complaintReference}/complete?token={complaintToken}", new
        {
            articles = new[] { article }, postLinks = "https://x.ca/1", whatHappened = "Again.", conductOn = today, awareOn = today,
            declarationName = "Robin", declarationConfirmed = true,
        })).StatusCode);
    }

    [Fact]
    public async Task R9_a_restore_needs_reasons_not_a_rule_and_the_owners_confirmation_ends_the_block_on_the_register()
    {
        var blocked = await BlockAsync(_moderator, _account);
        var (reference, token) = await FileAsync();
        await ActAsync(_moderator, reference, "route_to_owner", new { actionId = blocked });
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(_manager, reference, "restore_access", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_manager, reference, "restore_access", new { reasons = "Criticism of council is protected speech." })).StatusCode);
        Assert.Equal("awaiting_restoration", await StageAsync(reference));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(_moderator, reference, "confirm_restored")).StatusCode);

        // The owner is reminded the business day before the deadline and the managers are told once it is overdue; each once.
        async Task<int> MailsAsync(string subject) => await InDbAsync(db => db.Set<OutboxMessage>()
            .CountAsync(m => m.Kind == OutboxKind.Mail && m.Payload.Contains(subject) && m.Payload.Contains(reference)));
        _clock.Advance(TimeSpan.FromDays(8));
        await FireTimersAsync();
        await FireTimersAsync();
        Assert.Equal(1, await MailsAsync("Reminder:"));
        Assert.Equal(1, await MailsAsync("Overdue:"));
        Assert.Equal(0, await InDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Payload.Contains("Overdue:") && m.Payload.Contains("ic@demo.test"))));
        await SignInAllAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_manager, reference, "confirm_restored", new { note = "Unblocked at 10:05." })).StatusCode);
        Assert.Equal("closed", await StageAsync(reference));
        Assert.Contains("access is restored", await _app.CreateClient().GetStringAsync($"/api/public/cases/{reference}?token={token}"), StringComparison.Ordinal);

        await _app.DispatchOutboxAsync();
        var block = Assert.Single((await _manager.GetFromJsonAsync<JsonElement>($"/api/accounts/{_account}/blocks")).EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, block.GetProperty("endedAt").ValueKind);
    }

    [Fact]
    public async Task R9_the_resident_escalates_once_within_the_protocols_days_after_which_the_appeal_closes()
    {
        var (reference, token) = await FileAsync();
        await ActAsync(_moderator, reference, "route_to_owner");
        await ActAsync(_manager, reference, "uphold", new { reasons = "Spam.", ruleRelied = "threats" });
        _clock.Advance(TimeSpan.FromDays(31));
        Assert.True(await FireTimersAsync() >= 1);
        await SignInAllAsync();
        Assert.Equal("closed", await StageAsync(reference));
        var resident = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/public/cases/{reference}/escalate?token={token}", new { })).StatusCode);
        Assert.Contains("The time to escalate passed", await resident.GetStringAsync($"/api/public/cases/{reference}?token={token}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appeal_needing_information_waits_for_the_resident_or_returns_when_the_deadline_passes()
    {
        var (reference, token) = await FileAsync();
        var noMessage = await ActAsync(_moderator, reference, "request_information");
        Assert.Equal(HttpStatusCode.BadRequest, noMessage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_moderator, reference, "request_information",
            new { messageToResident = "Please send a screenshot of your comment." })).StatusCode);
        var view = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Waiting for more information from you", view.GetProperty("stage").GetString());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("dueBy").ValueKind);

        await _app.CreateClient().PostAsJsonAsync($"/api/public/cases/{reference}/information?token={token}", new { information = "Attached." });
        Assert.Equal("intake", await StageAsync(reference));

        // Asked again, and this time nobody answers: after 10 business days the timer brings it back to intake.
        await ActAsync(_moderator, reference, "request_information", new { messageToResident = "Anything else?" });
        _clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal(0, await FireTimersAsync());
        _clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, await FireTimersAsync());
        await SignInAllAsync();
        Assert.Equal("intake", await StageAsync(reference));
    }

    [Fact]
    public async Task Only_the_residents_information_or_the_case_team_with_a_reason_ends_the_wait_for_information()
    {
        var (reference, token) = await FileAsync();
        var admin = await _app.ClientForAsync("admin@demo.test");
        await ActAsync(_moderator, reference, "request_information", new { messageToResident = "Please send a screenshot." });
        Assert.DoesNotContain("information_received",
            (await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}/actions")).EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        foreach (var reader in new[] { _manager, _moderator })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(reader, reference, "information_received")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(admin, reference, "information_overdue", new { reasons = "Waited long enough." })).StatusCode);
        var noReason = await ActAsync(_moderator, reference, "information_overdue");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json(noReason)).GetProperty("errors").TryGetProperty("reasons", out _));
        Assert.Equal("awaiting_information", await StageAsync(reference));

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_moderator, reference, "information_overdue",
            new { reasons = "The resident phoned: no screenshot exists." })).StatusCode);
        Assert.Equal("intake", await StageAsync(reference));
        Assert.Contains((await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("timeline").EnumerateArray(),
            t => t.GetProperty("text").GetString()!.Contains("The resident phoned: no screenshot exists.", StringComparison.Ordinal));

        // The resident's own answer still moves it on.
        await ActAsync(_moderator, reference, "request_information", new { messageToResident = "And the date?" });
        await _app.CreateClient().PostAsJsonAsync($"/api/public/cases/{reference}/information?token={token}", new { information = "3 June." });
        Assert.Equal("intake", await StageAsync(reference));
    }

    [Fact]
    public async Task Appeal_closed_at_intake_as_out_of_scope()
    {
        var (reference, token) = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_moderator, reference, "close_out_of_scope",
            new { messageToResident = "This account is a personal account, not the municipality's." })).StatusCode);
        var view = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Closed", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Concurrent_actions_on_one_case_leave_one_consistent_result()
    {
        var (reference, _) = await FileAsync();
        var manager2 = await _app.ClientForAsync("manager@demo.test");
        var results = await Task.WhenAll(ActAsync(_moderator, reference, "route_to_owner"), ActAsync(manager2, reference, "close_out_of_scope",
            new { messageToResident = "Out of scope." }), ActAsync(_manager, reference, "route_to_owner"));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var transitions = await InDbAsync(db => db.Set<WorkflowJournalEntry>().CountAsync(j => j.Event == "Transitioned"));
        Assert.Equal(1, transitions);
        var stage = await StageAsync(reference);
        var status = (await _manager.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("status").GetString();
        Assert.True((stage, status) is ("owner_review", "Open") or ("closed", "Closed"), $"{stage}/{status}");
    }

    [Fact]
    public async Task R15_only_the_social_media_team_and_the_owner_see_an_appeal_and_every_read_is_audited()
    {
        var (reference, _) = await FileAsync(_memberAccount);
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var admin = await _app.ClientForAsync("admin@demo.test");
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        foreach (var outsider in new[] { clerk, admin, _ic, investigator, _member })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/cases/{reference}")).StatusCode);
            Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray());
        }

        var (_, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var other = await _app.ClientForAsync(otherClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/cases/{reference}/actions/route_to_owner", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync($"/api/cases/{reference}")).StatusCode);

        await ActAsync(_moderator, reference, "route_to_owner");
        Assert.Equal(reference, Assert.Single((await _member.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray()).GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _moderator.PostAsync($"/api/cases/{reference}/assign-to-me", null)).StatusCode);
        var mine = await _moderator.GetFromJsonAsync<JsonElement>("/api/cases?assignee=me");
        Assert.Equal(reference, Assert.Single(mine.EnumerateArray()).GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _member.PostAsJsonAsync($"/api/cases/{reference}/notes", new { text = "Mine.", shareWithParties = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _member.GetAsync($"/api/cases/{reference}")).StatusCode);
        var reads = await InDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.RecordId == reference && a.Action == "case.read"));
        Assert.True(reads >= 1);
        var chain = Assert.Single(await _app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None), c => c.Module == "Complaints");
        Assert.True(chain.Intact);
    }

    [Fact]
    public async Task R15_each_line_of_the_appeal_privacy_notice_is_what_that_audience_sees()
    {
        var (ownAppeal, _) = await FileAsync(_memberAccount);
        await ActAsync(_moderator, ownAppeal, "route_to_owner");
        var (escalated, token) = await FileAsync();
        await ActAsync(_moderator, escalated, "route_to_owner");
        await ActAsync(_manager, escalated, "uphold", new { reasons = "Threat.", ruleRelied = "threats" });
        await _app.CreateClient().PostAsJsonAsync($"/api/public/cases/{escalated}/escalate?token={token}", new { });
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var audiences = new Dictionary<Complaints.Domain.Sight, (HttpClient Client, string Reference)>
        {
            [Complaints.Domain.Sight.AppealTeam] = (_moderator, ownAppeal),
            [Complaints.Domain.Sight.AppealOwner] = (_member, ownAppeal),
            [Complaints.Domain.Sight.AppealReviewer] = (clerk, escalated),
        };
        foreach (var line in Complaints.Domain.NeedToKnow.AppealNotice)
        {
            if (line.Sight == Complaints.Domain.Sight.None)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await _ic.GetAsync($"/api/cases/{ownAppeal}")).StatusCode); // the IC
                continue;
            }

            var (client, reference) = audiences[line.Sight];
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
            Assert.Equal(line.Sight.ToString(), view.GetProperty("sight").GetString());
            Assert.True(line.Name == (view.GetProperty("appeal").GetProperty("contactName").GetString() == "Robin"), $"{line.Who}: name");
            Assert.True(line.Contact == view.GetRawText().Contains("robin@example.ca", StringComparison.Ordinal), $"{line.Who}: e-mail");
            Assert.True(line.Allegation == (view.GetProperty("appeal").GetProperty("contentPosted").ValueKind == JsonValueKind.String), $"{line.Who}: appeal");
        }

        var form = System.Net.WebUtility.HtmlDecode(await _app.CreateClient().GetStringAsync("/appeal/demo-township"));
        Assert.All(Complaints.Domain.NeedToKnow.AppealNotice, line => Assert.Contains(line.Sees, form, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_case_list_pages_the_most_urgent_first_and_finds_a_case_by_reference()
    {
        var (closed, _) = await FileAsync();
        var (first, _) = await FileAsync();
        var (second, _) = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_moderator, closed, "close_out_of_scope", new { messageToResident = "Not a municipal account." })).StatusCode);
        static string[] References(JsonElement list) => list.EnumerateArray().Select(c => c.GetProperty("reference").GetString()!).ToArray();

        // Open tasks by due date (the same here, so by reference), then cases without one.
        var page = await _manager.GetAsync("/api/cases?pageSize=2");
        Assert.Equal([first, second], References(await Json(page)));
        Assert.Equal("</api/cases?pageSize=2&page=2>; rel=\"next\"", page.Headers.GetValues("Link").Single());
        var last = await _manager.GetAsync("/api/cases?pageSize=2&page=2");
        Assert.Equal([closed], References(await Json(last)));
        Assert.False(last.Headers.Contains("Link"));

        Assert.Equal([first, second], References(await _manager.GetFromJsonAsync<JsonElement>("/api/cases?status=active")));
        Assert.Equal([closed], References(await _manager.GetFromJsonAsync<JsonElement>($"/api/cases?reference={closed.ToLowerInvariant()}")));
        Assert.Equal(3, References(await _manager.GetFromJsonAsync<JsonElement>($"/api/cases?reference={closed[..8]}")).Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await _manager.GetAsync("/api/cases?pageSize=501")).StatusCode);
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
