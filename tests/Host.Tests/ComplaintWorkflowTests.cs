using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Complaints.Data;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>Code of Conduct complaints end to end over HTTP (R10, R12, R15, R16).</summary>
public sealed class ComplaintWorkflowTests : IAsyncLifetime
{
    private readonly FakeClock _clock;
    private readonly GovernanceFactory _app;
    private HttpClient _public = null!;

    public ComplaintWorkflowTests()
    {
        // A date outside the 2026 blackout (nomination day 21 August to voting day 26 October).
        _clock = new FakeClock(new DateTimeOffset(2026, 6, 10, 15, 0, 0, TimeSpan.Zero));
        _app = new GovernanceFactory { Clock = _clock };
    }

    public Task InitializeAsync()
    {
        _public = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<object> ComplaintAsync(string name = "Jordan Complainant", string? declaration = null, Guid? member = null,
        Guid[]? articles = null, string links = "https://x.com/CllrMax/status/1")
    {
        var members = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/members");
        var catalogue = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/articles");
        var discreditable = catalogue.EnumerateArray().First(a => a.GetProperty("number").GetString() == "14").GetProperty("id").GetGuid();
        return new
        {
            municipality = "demo-township", memberId = member ?? members[0].GetProperty("id").GetGuid(), postLinks = links,
            articles = articles ?? [discreditable], whatHappened = "The councillor called a resident names in a reply.",
            allegesDiscrimination = true, name, email = "jordan@example.ca", phone = "519-555-0100", postalAddress = "1 Main St",
            declarationName = declaration ?? name, declarationConfirmed = true, consent = true,
        };
    }

    private async Task<(string Reference, string Token)> FileAsync()
    {
        var response = await _public.PostAsJsonAsync("/api/public/complaints", await ComplaintAsync());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await Json(response);
        var url = filed.GetProperty("trackingUrl").GetString()!;
        return (filed.GetProperty("reference").GetString()!, url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string reference, string action, object? body = null)
        => await client.PostAsJsonAsync($"/api/cases/{reference}/actions/{action}", body ?? new { });

    [Fact]
    public async Task R16_a_formal_complaint_needs_an_identity_a_matching_declaration_and_the_municipalitys_articles()
    {
        var bad = new (object Body, string Field)[]
        {
            (await ComplaintAsync(name: ""), "name"),
            (await ComplaintAsync(declaration: "Someone Else"), "declarationName"),
            (await ComplaintAsync(member: Guid.NewGuid()), "memberId"),
            (await ComplaintAsync(articles: [Guid.NewGuid()]), "articles"),
            (await ComplaintAsync(articles: []), "articles"),
            (await ComplaintAsync(links: "javascript:alert(1)"), "postLinks"),
        };
        foreach (var (body, field) in bad)
        {
            var response = await _public.PostAsJsonAsync("/api/public/complaints", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var (reference, _) = await FileAsync();
        Assert.Matches(@"^COC-2026-000001$", reference);
    }

    [Fact]
    public async Task A_complaint_goes_from_intake_to_council_and_the_report_is_published_without_the_complainants_name()
    {
        var (reference, token) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        var member = await _app.ClientForAsync("member@demo.test");
        var clerk = await _app.ClientForAsync("clerk@demo.test");

        // Before notice, the member cannot see the complaint at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "accept_for_assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(investigator, reference, "investigate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "investigate")).StatusCode);

        // R15: the member sees the complaint but never the complainant's contact details.
        var seenByMember = await member.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        var complaint = seenByMember.GetProperty("complaint");
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("complainantEmail").ValueKind);
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("complainantPhone").ValueKind);
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("complainantAddress").ValueKind);
        Assert.DoesNotContain("jordan@example.ca", seenByMember.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["submit_response"], seenByMember.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(member, reference, "submit_response", new { text = "I apologise; the reply was too sharp." })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(investigator, reference, "record_reply", new { text = "The complainant accepts the apology in part." })).StatusCode);
        var noReview = await ActAsync(ic, reference, "send_draft_report", new { reportText = "Too early." });
        Assert.Contains("Human Rights Code review first", (await Json(noReview)).GetProperty("errors").GetProperty("reportText")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(investigator, reference, "request_hr_review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(investigator, reference, "complete_review",
            new { pattern = "No earlier findings.", finding = "No Code ground was engaged." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "send_draft_report", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "send_draft_report",
            new { reportText = "Draft: Jordan Complainant's concern is partly founded." })).StatusCode);
        var draftSeen = await member.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.StartsWith("Draft:", draftSeen.GetProperty("report").GetProperty("draft").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(member, reference, "submit_comment", new { text = "I accept the draft." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "issue_final_report", new
        {
            reportText = "Final: the concern raised by Jordan Complainant is founded under Article 14. Complainant was courteous throughout.",
            recommendedSanction = "Reprimand and an apology.",
        })).StatusCode);

        // Clerks see intake data and record council's decision, but not the investigation.
        var seenByClerk = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.DoesNotContain(seenByClerk.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("visibility").GetString() != "Public");
        Assert.Equal(JsonValueKind.Null, seenByClerk.GetProperty("report").GetProperty("draft").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(clerk, reference, "record_council_decision",
            new { councilDecision = "suspension_of_pay", paySuspensionDays = 120, decidedOn = "2026-06-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(clerk, reference, "record_council_decision",
            new { councilDecision = "suspension_of_pay", paySuspensionDays = 30, decidedOn = "2026-06-10" })).StatusCode);

        var registry = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/registry");
        Assert.Equal(reference, Assert.Single(registry.EnumerateArray()).GetProperty("reference").GetString());
        var report = await _public.GetFromJsonAsync<JsonElement>($"/api/public/municipalities/demo-township/registry/{reference}");
        var text = report.GetProperty("report").GetString()!;
        Assert.DoesNotContain("Jordan", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the complainant", text, StringComparison.Ordinal);
        Assert.Equal(30, report.GetProperty("paySuspensionDays").GetInt32());
        var tracked = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Closed", tracked.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_complaint_can_be_dismissed_for_an_R16_reason_only()
    {
        var (reference, _) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "dismiss", new { dismissalReason = "annoying", reasons = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "dismiss",
            new { dismissalReason = "out_of_jurisdiction", reasons = "The post was on a personal account with no municipal resources." })).StatusCode);
        var member = await _app.ClientForAsync("member@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/cases/{reference}")).StatusCode); // never notified
    }

    [Fact]
    public async Task R12_a_complaint_received_in_the_election_blackout_is_held_until_after_voting_day()
    {
        _clock.Set(new DateTimeOffset(2026, 9, 15, 15, 0, 0, TimeSpan.Zero));
        var (reference, token) = await FileAsync();
        var tracked = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("OnHold", tracked.GetProperty("status").GetString());
        Assert.Equal("On hold until after the election (voting day)", tracked.GetProperty("stage").GetString());
        Assert.Contains("27 October 2026", tracked.GetProperty("timeline")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        _clock.Set(new DateTimeOffset(2026, 10, 26, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await FireTimersAsync());
        _clock.Set(new DateTimeOffset(2026, 10, 27, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await FireTimersAsync());
        var ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal("intake", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task R12_open_complaints_are_suspended_in_the_blackout_and_resume_after_voting_day()
    {
        var (reference, token) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");

        async Task<int> ApplyAsync()
        {
            using var scope = _app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Complaints.Jobs.ElectionBlackout>().ApplyAsync(CancellationToken.None);
        }

        Assert.Equal(0, await ApplyAsync());
        _clock.Set(new DateTimeOffset(2026, 8, 21, 16, 0, 0, TimeSpan.Zero)); // nomination day
        Assert.Equal(1, await ApplyAsync());
        Assert.Equal(0, await ApplyAsync());
        var held = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("OnHold", held.GetProperty("status").GetString());
        ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(ic, reference, "investigate")).StatusCode);

        _clock.Set(new DateTimeOffset(2026, 10, 27, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await ApplyAsync());
        ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "investigate")).StatusCode);
    }

    [Fact]
    public async Task Complaints_may_be_resolved_informally_or_wait_for_information_and_for_the_members_response()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        var (informal, _) = await FileAsync();
        await ActAsync(ic, informal, "accept_for_assessment");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, informal, "resolve_informally",
            new { reasons = "The member apologised and removed the post." })).StatusCode);

        var (waiting, token) = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, waiting, "request_information", new { messageToResident = "Please send the date of the post." })).StatusCode);
        await _public.PostAsJsonAsync($"/api/public/cases/{waiting}/information?token={token}", new { information = "It was 3 June." });
        await ActAsync(ic, waiting, "accept_for_assessment");
        await ActAsync(ic, waiting, "investigate");
        _clock.Advance(TimeSpan.FromDays(20)); // the member does not respond in 10 business days
        Assert.True(await FireTimersAsync() >= 1);
        ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal("complainant_reply", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{waiting}")).GetProperty("stage").GetString());
    }

    private async Task<int> FireTimersAsync()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .FireDueTimersAsync(scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>(), CancellationToken.None);
    }
}
