using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Complaints.Data;
using Governance.Complaints.Jobs;
using Governance.Platform.Audit;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>
/// R12: 2026 on a fake clock (nomination day 21 August, voting day 26 October) under both of the IC's protocols: new
/// complaints refused or held, open inquiries terminated or held, restart only on a written request within six weeks
/// after voting day, no report to council in the window.
/// </summary>
public sealed class ElectionPeriodTests(ComplaintClockHost host) : IClassFixture<ComplaintClockHost>, IAsyncLifetime
{
    private static readonly Guid Demo = AccountsModule.DemoMunicipalityId;
    private readonly FakeClock _clock = host.Clock;
    private readonly GovernanceFactory _app = host.App;
    private HttpClient _public = null!;

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        _public = _app.CreateClient();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private void At(int month, int day, int hour = 16) => _clock.Set(new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.Zero));

    private async Task<HttpResponseMessage> FileAsync()
    {
        var members = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/members");
        var article = (await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/articles")).EnumerateArray().First().GetProperty("id").GetGuid();
        var today = GovernanceFactory.TodayInToronto(_clock.GetUtcNow()).ToString("yyyy-MM-dd");
        return await _public.PostAsJsonAsync("/api/public/complaints", new
        {
            municipality = "demo-township", memberId = members[0].GetProperty("id").GetGuid(), postLinks = "https://x.com/CllrMax/status/1",
            articles = new[] { article }, whatHappened = "A rude reply.", name = "Jordan Complainant", email = "jordan@example.ca",
            declarationName = "Jordan Complainant", declarationConfirmed = true, consent = true, conductOn = today, awareOn = today,
        });
    }

    private async Task<(string Reference, string Token)> FiledAsync()
    {
        var response = await FileAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await Json(response);
        var url = filed.GetProperty("trackingUrl").GetString()!;
        return (filed.GetProperty("reference").GetString()!, url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
    }

    private async Task<int> ApplyAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ElectionPeriodWork>().ApplyAsync(CancellationToken.None);
    }

    private async Task<int> CasesAsync()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Cases.CountAsync();
    }

    private async Task<HttpResponseMessage> SetProtocolAsync(HttpClient client, string mode = "Terminate", int before = 0, int after = 0, bool byElections = false)
        => await client.PutAsJsonAsync($"/api/complaints/municipalities/{Demo}/protocol", new
        {
            electionProtocol = mode, windowDaysBeforeNominationDay = before, windowDaysAfterVotingDay = after, windowForByElections = byElections,
            timeLimitDays = 180, declaration = "Typed", nameMemberOnlyOnBreach = true, appealEscalationDays = 30,
        });

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string reference, string action, object? body = null)
        => client.PostAsJsonAsync($"/api/cases/{reference}/actions/{action}", body ?? new { });

    [Fact]
    public async Task R12_under_the_terminate_protocol_no_complaint_can_be_filed_from_nomination_day_to_voting_day()
    {
        At(8, 20);
        Assert.Equal(HttpStatusCode.Created, (await FileAsync()).StatusCode);
        var before = await CasesAsync();
        foreach (var (month, day) in new[] { (8, 21), (9, 30), (10, 26) })
        {
            At(month, day);
            var refused = await FileAsync();
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var detail = (await Json(refused)).GetProperty("detail").GetString()!;
            Assert.Contains("election period", detail, StringComparison.Ordinal);
            Assert.Contains("You can file from 27 October 2026", detail, StringComparison.Ordinal);
            Assert.Equal(before, await CasesAsync());
            Assert.Contains("You can file from 27 October 2026", await _public.GetStringAsync("/complaint/demo-township"), StringComparison.Ordinal);
        }

        At(10, 27);
        Assert.Equal(HttpStatusCode.Created, (await FileAsync()).StatusCode);
    }

    [Fact]
    public async Task R12_open_inquiries_are_terminated_on_nomination_day_and_restart_only_on_a_written_request_within_six_weeks_after_voting_day()
    {
        var (restarted, token) = await FiledAsync();
        var (expired, expiredToken) = await FiledAsync();
        var (finished, _) = await FiledAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, restarted, "accept_for_assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, restarted, "investigate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, finished, "dispose", new { disposition = "InsufficientGrounds", reasons = "No post was found." })).StatusCode);
        var dueBefore = (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{restarted}")).GetProperty("deadline").GetProperty("due").GetDateTimeOffset();

        At(8, 20);
        Assert.Equal(0, await ApplyAsync());
        At(8, 21, 5); // the first hour of nomination day in Toronto
        Assert.Equal(2, await ApplyAsync());
        Assert.Equal(0, await ApplyAsync());
        var ended = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{restarted}?token={token}");
        Assert.Equal("Terminated", ended.GetProperty("status").GetString());
        Assert.Contains("Terminated: election period", ended.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("by 7 December 2026", ended.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("2026-12-07", ended.GetProperty("options").GetProperty("restartBy").GetString());
        Assert.False(ended.GetProperty("options").GetProperty("restart").GetBoolean()); // not before voting day
        ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal("Closed", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{finished}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(ic, restarted, "submit_response", new { text = "Nothing can move." })).StatusCode);

        // The member was notified and is told too; they may ask for the restart, but not before voting day.
        var member = await _app.ClientForAsync("member@demo.test");
        var memberView = await Json(await member.PostAsync($"/api/cases/{restarted}/restart", null));
        Assert.Contains("after voting day", memberView.GetProperty("detail").GetString(), StringComparison.Ordinal);

        At(10, 30);
        Assert.Equal(HttpStatusCode.OK, (await _public.PostAsync($"/api/public/cases/{restarted}/restart?token={token}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _public.PostAsync($"/api/public/cases/{restarted}/restart?token={token}", null)).StatusCode);
        ic = await _app.ClientForAsync("ic@demo.test");
        var back = await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{restarted}");
        Assert.Equal("Open", back.GetProperty("status").GetString());
        Assert.Equal("member_response", back.GetProperty("stage").GetString()); // where it left off
        var dueAfter = back.GetProperty("deadline").GetProperty("due").GetDateTimeOffset();
        Assert.True(dueAfter - dueBefore > TimeSpan.FromDays(60), $"{dueBefore} -> {dueAfter}");
        Assert.Contains(back.GetProperty("deadline").GetProperty("steps").EnumerateArray(), s => s.GetString()!.StartsWith("Moved ", StringComparison.Ordinal));
        member = await _app.ClientForAsync("member@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(member, restarted, "submit_response", new { text = "Now I can answer." })).StatusCode);

        // Nobody asked for the other one: after 7 December it closes and nothing can reopen it.
        At(12, 7);
        Assert.Equal(0, await ApplyAsync());
        At(12, 8, 12);
        Assert.Equal(1, await ApplyAsync());
        var closed = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{expired}?token={expiredToken}");
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _public.PostAsync($"/api/public/cases/{expired}/restart?token={expiredToken}", null)).StatusCode);
    }

    [Fact]
    public async Task R12_under_the_hold_protocol_complaints_are_held_in_the_window_and_resume_after_it()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await SetProtocolAsync(ic, mode: "Hold")).StatusCode);
        var (open, _) = await FiledAsync();
        await ActAsync(ic, open, "accept_for_assessment");

        At(9, 15);
        var (received, token) = await FiledAsync();
        var tracked = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{received}?token={token}");
        Assert.Equal("OnHold", tracked.GetProperty("status").GetString());
        Assert.Contains("27 October 2026", tracked.GetProperty("timeline")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await ApplyAsync()); // the open one; the one received is already held
        ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(ic, open, "investigate")).StatusCode);

        At(10, 27);
        Assert.Equal(2, await ApplyAsync());
        ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, open, "investigate")).StatusCode);
        Assert.Equal("intake", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{received}")).GetProperty("stage").GetString());
        Assert.Equal("Open", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{received}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task R12_only_the_IC_sets_the_protocol_a_longer_window_is_allowed_and_a_shorter_one_refused_with_the_reason()
    {
        foreach (var email in new[] { "admin@demo.test", "clerk@demo.test", "investigator@demo.test" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SetProtocolAsync(await _app.ClientForAsync(email), before: 14)).StatusCode);
        }

        var ic = await _app.ClientForAsync("ic@demo.test");
        var shorter = await SetProtocolAsync(ic, before: -5);
        Assert.Equal(HttpStatusCode.BadRequest, shorter.StatusCode);
        Assert.Contains("Municipal Act s.223.4.1", (await Json(shorter)).GetProperty("errors").GetProperty("windowDaysBeforeNominationDay")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SetProtocolAsync(ic, after: -1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetProtocolAsync(ic, before: 14, after: 20)).StatusCode);
        var seen = await (await _app.ClientForAsync("clerk@demo.test")).GetFromJsonAsync<JsonElement>($"/api/complaints/municipalities/{Demo}/protocol");
        Assert.Equal(14, seen.GetProperty("windowDaysBeforeNominationDay").GetInt32());
        using (var scope = _app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
            var audit = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Set<AuditEntry>()
                .Where(a => a.Action == "complaints.protocol-set").ToListAsync();
            Assert.Contains("window -14/+20 days", Assert.Single(audit).Details, StringComparison.Ordinal);
        }

        At(8, 7);
        Assert.Contains("from 7 August 2026 to 15 November 2026", (await Json(await FileAsync())).GetProperty("detail").GetString(), StringComparison.Ordinal);
        At(11, 16);
        Assert.Equal(HttpStatusCode.Created, (await FileAsync()).StatusCode);
    }

    [Fact]
    public async Task R12_no_report_goes_to_council_in_the_window_and_the_IC_sees_why()
    {
        var (reference, _) = await FiledAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        var member = await _app.ClientForAsync("member@demo.test");
        foreach (var (client, action, body) in new (HttpClient, string, object)[]
        {
            (ic, "accept_for_assessment", new { }), (ic, "investigate", new { }), (member, "submit_response", new { text = "Sorry." }),
            (ic, "share_response", new { }), (investigator, "no_reply", new { }),
            (ic, "send_draft_report", new { reportText = "Draft." }), (member, "submit_comment", new { text = "None." }),
            (ic, "prepare_final_report", new { reportText = "Final.", breachFound = false }),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(client, reference, action, body)).StatusCode);
        }

        At(9, 1); // in the window, before the hourly job has run
        ic = await _app.ClientForAsync("ic@demo.test");
        var preview = await Json(await ic.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = Array.Empty<string>() }));
        var refused = await ActAsync(ic, reference, "issue_final_report", new { previewHash = preview.GetProperty("previewHash").GetString(), acknowledgeWarnings = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("No report goes to council during the election period", (await Json(refused)).GetProperty("errors").GetProperty("action")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("27 October 2026", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("election").GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Empty((await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/registry")).EnumerateArray());
    }

    [Fact]
    public async Task R12_by_elections_have_no_window_unless_the_protocol_says_so()
    {
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/elections/municipalities/{Demo}/elections", new
        {
            kind = "ByElection", name = "Ward 4 by-election", nominationPeriodOpens = "2026-11-02", nominationDay = "2026-11-20",
            votingDay = "2026-12-14", termStarts = "2026-12-15", campaignPeriodEnds = "2027-01-28",
        })).StatusCode);
        At(12, 1);
        Assert.Equal(HttpStatusCode.Created, (await FileAsync()).StatusCode);
        var ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await SetProtocolAsync(ic, byElections: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await FileAsync()).StatusCode);
    }
}
