using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Complaints.Data;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Governance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>Code of Conduct complaints end to end over HTTP (R10, R12, R15, R16).</summary>
public sealed class ComplaintWorkflowTests(ComplaintClockHost host) : IClassFixture<ComplaintClockHost>, IAsyncLifetime
{
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

    internal async Task<object> ComplaintAsync(string name = "Jordan Complainant", string? declaration = null, Guid? member = null,
        Guid[]? articles = null, string links = "https://x.com/CllrMax/status/1", string conductOn = "2026-06-01", string awareOn = "2026-06-02",
        string? localBoard = null, string? respondentName = null)
    {
        var members = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/members");
        var catalogue = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/articles");
        var discreditable = catalogue.EnumerateArray().First(a => a.GetProperty("number").GetString() == "14").GetProperty("id").GetGuid();
        return new
        {
            municipality = "demo-township", memberId = member ?? members[0].GetProperty("id").GetGuid(), postLinks = links,
            articles = articles ?? [discreditable], whatHappened = "The councillor called a resident names in a reply.",
            allegesDiscrimination = true, name, email = "jordan@example.ca", phone = "519-555-0100", postalAddress = "1 Main St",
            declarationName = declaration ?? name, declarationConfirmed = true, consent = true, conductOn, awareOn, localBoard, respondentName,
        };
    }

    private async Task<(string Reference, string Token)> FileAsync(object? body = null)
    {
        var response = await _public.PostAsJsonAsync("/api/public/complaints", body ?? await ComplaintAsync());
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
            (await ComplaintAsync(name: "Jordan\r\nComplainant"), "name"),
            (await ComplaintAsync(conductOn: "2026-06-20"), "conductOn"),
            (await ComplaintAsync(conductOn: "2026-06-05", awareOn: "2026-06-01"), "awareOn"),
            (await ComplaintAsync(localBoard: "The Board of Nothing", respondentName: "A. Person"), "localBoard"),
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
    public async Task R16_a_complaint_goes_to_council_with_the_response_shared_before_the_reply_and_the_report_public_on_issue()
    {
        var (reference, token) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        var member = await _app.ClientForAsync("member@demo.test");
        var clerk = await _app.ClientForAsync("clerk@demo.test");

        // Before notice, the member cannot see the complaint at all; the clerk sees none until the report reaches council.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "accept_for_assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(investigator, reference, "investigate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "investigate")).StatusCode);

        // R15: the member sees the complaint and the complainant's name, never their contact details.
        var seenByMember = await member.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        var complaint = seenByMember.GetProperty("complaint");
        Assert.Equal("Jordan Complainant", complaint.GetProperty("complainantName").GetString());
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("complainantEmail").ValueKind);
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("complainantPhone").ValueKind);
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("complainantAddress").ValueKind);
        Assert.DoesNotContain("jordan@example.ca", seenByMember.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("519-555-0100", seenByMember.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["submit_response"], seenByMember.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(member, reference, "submit_response",
            new { text = "I apologise; the reply was too sharp. My assistant Kim Lee drafted it." })).StatusCode);

        // The complainant is invited to reply only once the IC shared the response, with a passage redacted for a reason.
        var beforeShare = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.False(beforeShare.GetProperty("options").GetProperty("reply").GetBoolean());
        Assert.DoesNotContain("too sharp", beforeShare.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await _public.PostAsJsonAsync($"/api/public/cases/{reference}/reply?token={token}", new { text = "Too early." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "share_response", new { marks = new[] { "Kim Lee" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "share_response",
            new { marks = new[] { "Kim Lee" }, redactionReason = "A staff member's name is not the complainant's business." })).StatusCode);
        var shared = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.True(shared.GetProperty("options").GetProperty("reply").GetBoolean());
        Assert.Contains("My assistant [redacted] drafted it.", shared.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Lee", shared.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(investigator, reference, "submit_reply", new { text = "Staff may not reply for them." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _public.PostAsJsonAsync($"/api/public/cases/{reference}/reply?token={token}",
            new { text = "I accept the apology in part." })).StatusCode);
        Assert.Equal("investigation", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("stage").GetString());

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
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "prepare_final_report", new
        {
            reportText = "Final: the concern raised by Jordan Complainant is founded under Article 14. Complainant was courteous throughout.",
            recommendedSanction = "Reprimand and an apology.", breachFound = true,
        })).StatusCode);

        // Issuing publishes exactly the preview the IC confirms (s.223.6(3)): public at once, before council decides.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/cases/{reference}")).StatusCode);
        var preview = await Json(await ic.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = new[] { "Jordan Complainant" } }));
        var hash = preview.GetProperty("previewHash").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "issue_final_report", new { marks = new[] { "Jordan" }, previewHash = hash, acknowledgeWarnings = true })).StatusCode);
        Assert.Empty((await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/registry")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "issue_final_report",
            new { marks = new[] { "Jordan Complainant" }, previewHash = hash, acknowledgeWarnings = true })).StatusCode);
        var registry = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/registry");
        Assert.Equal(reference, Assert.Single(registry.EnumerateArray()).GetProperty("reference").GetString());
        var report = await _public.GetFromJsonAsync<JsonElement>($"/api/public/municipalities/demo-township/registry/{reference}");
        Assert.Equal("Final: the concern raised by [redacted] is founded under Article 14. Complainant was courteous throughout.",
            report.GetProperty("report").GetString());
        Assert.Equal("Councillor Max Member", report.GetProperty("entry").GetProperty("member").GetString()); // a breach: the member is named

        // The clerk now sees what council needs: the report, never the complainant or the investigation.
        var seenByClerk = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.Equal("Council", seenByClerk.GetProperty("sight").GetString());
        Assert.DoesNotContain(seenByClerk.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("visibility").GetString() != "Public");
        Assert.Equal(JsonValueKind.Null, seenByClerk.GetProperty("report").GetProperty("draft").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByClerk.GetProperty("complaint").GetProperty("complainantName").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByClerk.GetProperty("complaint").GetProperty("whatHappened").ValueKind);
        foreach (var secret in new[] { "Jordan", "jordan@example.ca", "519-555-0100", "1 Main St", "called a resident names" })
        {
            Assert.DoesNotContain(secret, seenByClerk.GetRawText().Replace("[redacted]", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Equal(1, (await clerk.GetFromJsonAsync<JsonElement>("/api/cases/counts")).GetProperty("open").GetInt32());
        var tooLong = await ActAsync(clerk, reference, "record_council_decision",
            new { reprimand = true, paySuspensionDays = 120, decidedOn = "2026-06-10", resolutionNumber = "CC-2026-41" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(clerk, reference, "record_council_decision",
            new { reprimand = true, noAction = true, decidedOn = "2026-06-10", resolutionNumber = "CC-2026-41" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(clerk, reference, "defer_council_decision", new { decidedOn = "2026-06-10" })).StatusCode);
        var decided = await ActAsync(clerk, reference, "record_council_decision", new
        {
            reprimand = true, paySuspensionDays = 30, measures = new[] { "Apology", "Training" }, remedialMeasures = "A written apology read at the next meeting.",
            decidedOn = "2026-06-10", resolutionNumber = "CC-2026-41",
        });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var recorded = (await Json(decided)).GetProperty("report");
        Assert.Equal("Council imposed a reprimand, a suspension of pay for 30 days, an apology, training", recorded.GetProperty("councilDecision").GetString());
        Assert.Equal("CC-2026-41", recorded.GetProperty("resolutionNumber").GetString());
        // Council's decision is shown beside the report as council resolved it; what the IC published stays as confirmed.
        var withDecision = await _public.GetFromJsonAsync<JsonElement>($"/api/public/municipalities/demo-township/registry/{reference}");
        Assert.Equal(30, withDecision.GetProperty("paySuspensionDays").GetInt32());
        Assert.Equal("A written apology read at the next meeting.", withDecision.GetProperty("remedialMeasures").GetString());
        Assert.Equal("CC-2026-41", withDecision.GetProperty("entry").GetProperty("resolutionNumber").GetString());
        var tracked = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Closed", tracked.GetProperty("status").GetString());
        Assert.Contains("resolution CC-2026-41", tracked.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R16_intake_dispositions_are_coded_tell_the_complainant_why_and_link_a_duplicate_to_its_lead()
    {
        var (lead, _) = await FileAsync();
        var (reference, token) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "dispose", new { disposition = "Annoying", reasons = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "dispose", new { disposition = "Investigate", reasons = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "dispose", new { disposition = "InsufficientGrounds" })).StatusCode);
        var noLead = await ActAsync(ic, reference, "dispose", new { disposition = "Duplicate", reasons = "Same post.", leadReference = reference });
        Assert.True((await Json(noLead)).GetProperty("errors").TryGetProperty("leadReference", out _));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "dispose",
            new { disposition = "Duplicate", reasons = "Twelve residents complained about the same post.", leadReference = lead })).StatusCode);

        var detail = await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.Equal("Closed", detail.GetProperty("status").GetString());
        Assert.Equal("Duplicate", detail.GetProperty("complaint").GetProperty("disposition").GetString());
        Assert.Equal(lead, detail.GetProperty("complaint").GetProperty("leadReference").GetString());
        Assert.Contains((await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{lead}")).GetProperty("timeline").EnumerateArray(),
            t => t.GetProperty("text").GetString()!.Contains(reference, StringComparison.Ordinal));
        var tracked = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Contains("answered together with that one", tracked.GetRawText(), StringComparison.Ordinal);

        // Answered with the lead: when the lead is decided, its duplicates' complainants are told on their own case.
        await ActAsync(ic, lead, "accept_for_assessment");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, lead, "dispose", new { disposition = "ResolvedInformally", reasons = "The member took the post down and apologised." })).StatusCode);
        Assert.Contains($"The complaint yours was joined to ({lead}): The complaint was resolved informally.",
            await _public.GetStringAsync($"/api/public/cases/{reference}?token={token}"), StringComparison.Ordinal);
        var member = await _app.ClientForAsync("member@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/cases/{reference}")).StatusCode); // never notified
    }

    [Fact]
    public async Task R16_a_late_complaint_needs_the_ics_reason()
    {
        var (reference, token) = await FileAsync(await ComplaintAsync(conductOn: "2025-10-01", awareOn: "2025-10-02"));
        Assert.Contains("more than 180 days", (await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}")).GetRawText(),
            StringComparison.Ordinal);
        var ic = await _app.ClientForAsync("ic@demo.test");
        Assert.True((await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("complaint").GetProperty("filedLate").GetBoolean());
        var refused = await ActAsync(ic, reference, "accept_for_assessment");
        Assert.True((await Json(refused)).GetProperty("errors").TryGetProperty("lateReason", out _));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "accept_for_assessment",
            new { lateReason = "The complainant only saw the post when it was quoted in the paper." })).StatusCode);
        Assert.Equal("The complainant only saw the post when it was quoted in the paper.",
            (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("complaint").GetProperty("lateReason").GetString());
    }

    [Fact]
    public async Task R16_a_sworn_declaration_records_who_commissioned_it_and_complaints_may_name_a_local_board_member()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        var protocolUrl = $"/api/complaints/municipalities/{Accounts.AccountsModule.DemoMunicipalityId}/protocol";
        Assert.Equal(HttpStatusCode.OK, (await ic.PutAsJsonAsync(protocolUrl, new
        {
            electionProtocol = "Terminate", declaration = "Sworn", timeLimitDays = 180, appealEscalationDays = 30, nameMemberOnlyOnBreach = true,
            localBoards = new[] { "Demo Township Public Library Board" },
        })).StatusCode);
        var (reference, _) = await FileAsync(await ComplaintAsync(localBoard: "Demo Township Public Library Board", respondentName: "Lee Trustee"));
        var detail = await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.Equal("Lee Trustee", detail.GetProperty("complaint").GetProperty("member").GetString());
        Assert.Equal("Demo Township Public Library Board", detail.GetProperty("complaint").GetProperty("localBoard").GetString());
        Assert.Equal("Sworn", detail.GetProperty("complaint").GetProperty("declaration").GetString());

        var unsworn = await ActAsync(ic, reference, "accept_for_assessment");
        Assert.True((await Json(unsworn)).GetProperty("errors").TryGetProperty("commissionedBy", out _));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "accept_for_assessment",
            new { commissionedBy = "A. Notary, Commissioner for Taking Affidavits", commissionedOn = "2026-06-09" })).StatusCode);
        Assert.Equal("A. Notary, Commissioner for Taking Affidavits",
            (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("complaint").GetProperty("commissionedBy").GetString());

        // A local board member without an account here: the IC's team records the response received by letter.
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "investigate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "submit_response", new { text = "Response received by letter." })).StatusCode);
    }

    [Fact]
    public async Task R16_the_IC_may_withhold_the_complainants_name_from_the_member_with_a_reason()
    {
        var (reference, _) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(ic, reference, "investigate", new { withholdName = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "investigate",
            new { withholdName = true, withholdReason = "The complainant works for the member and fears reprisal." })).StatusCode);
        var member = await _app.ClientForAsync("member@demo.test");
        var seen = await member.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("complaint").GetProperty("complainantName").ValueKind);
        Assert.True(seen.GetProperty("complaint").GetProperty("nameWithheld").GetBoolean());
        Assert.DoesNotContain("Jordan", seen.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("reprisal", seen.GetRawText(), StringComparison.Ordinal);
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var mails = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Set<Platform.Outbox.OutboxMessage>()
            .Where(m => m.Kind == Platform.Outbox.OutboxKind.Mail).Select(m => m.Payload).ToListAsync();
        var toMember = Assert.Single(mails, m => m.Contains("member@demo.test", StringComparison.Ordinal));
        Assert.Contains("withheld", toMember, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", toMember, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R16_a_withdrawal_request_goes_to_the_IC_who_may_continue_in_the_public_interest()
    {
        var (reference, token) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");
        Assert.Equal(HttpStatusCode.OK, (await _public.PostAsJsonAsync($"/api/public/cases/{reference}/withdraw?token={token}", new { reason = "I was pressured." })).StatusCode);
        var view = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}");
        Assert.Equal("Open", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("options").GetProperty("withdrawalRequested").GetBoolean());
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.PostAsJsonAsync($"/api/cases/{reference}/withdrawal", new { decision = "Accept", reasons = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ic.PostAsJsonAsync($"/api/cases/{reference}/withdrawal", new { decision = "Continue" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ic.PostAsJsonAsync($"/api/cases/{reference}/withdrawal",
            new { decision = "Continue", reasons = "A pressured withdrawal is itself a concern; the inquiry continues." })).StatusCode);
        Assert.Contains("continues the inquiry in the public interest", (await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}")).GetRawText(),
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "investigate")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _public.PostAsJsonAsync($"/api/public/cases/{reference}/withdraw?token={token}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ic.PostAsJsonAsync($"/api/cases/{reference}/withdrawal", new { decision = "Accept", reasons = "The member apologised." })).StatusCode);
        Assert.Equal("Withdrawn", (await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={token}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await ic.PostAsJsonAsync($"/api/cases/{reference}/withdrawal", new { decision = "Accept", reasons = "Again." })).StatusCode);
    }

    [Fact]
    public async Task Complaints_may_wait_for_information_and_go_on_when_the_member_does_not_respond()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        var (waiting, token) = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, waiting, "request_information", new { messageToResident = "Please send the date of the post." })).StatusCode);
        await _public.PostAsJsonAsync($"/api/public/cases/{waiting}/information?token={token}", new { information = "It was 3 June." });
        await ActAsync(ic, waiting, "accept_for_assessment");
        await ActAsync(ic, waiting, "investigate");
        _clock.Advance(TimeSpan.FromDays(20)); // the member does not respond in 10 business days
        Assert.True(await FireTimersAsync() >= 1);
        ic = await _app.ClientForAsync("ic@demo.test");
        Assert.Equal("investigation", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{waiting}")).GetProperty("stage").GetString());
    }

    /// <summary>A complaint by Pat Hall taken to the publication of its final report, the report and sanction naming and locating her.</summary>
    private async Task<string> ReportReadyAsync(HttpClient ic, string report, string sanction, bool breach = true)
    {
        var body = await ComplaintAsync(name: "Pat Hall");
        var response = await _public.PostAsJsonAsync("/api/public/complaints", body);
        var reference = (await Json(response)).GetProperty("reference").GetString()!;
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        var member = await _app.ClientForAsync("member@demo.test");
        foreach (var (client, action, step) in new (HttpClient, string, object)[]
        {
            (ic, "accept_for_assessment", new { }), (ic, "investigate", new { }), (member, "submit_response", new { text = "Sorry." }),
            (ic, "share_response", new { }), (investigator, "no_reply", new { }), (investigator, "request_hr_review", new { }),
            (investigator, "complete_review", new { pattern = "None.", finding = "No Code ground." }),
            (ic, "send_draft_report", new { reportText = "Draft." }), (member, "submit_comment", new { text = "None." }),
            (ic, "prepare_final_report", new { reportText = report, recommendedSanction = sanction, breachFound = breach }),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(client, reference, action, step)).StatusCode);
        }

        return reference;
    }

    [Fact]
    public async Task R16_the_protocol_names_the_member_in_a_published_report_only_on_a_breach()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        var reference = await ReportReadyAsync(ic, "No breach: the reply was blunt but within the Code.", "None.", breach: false);
        var preview = await Json(await ic.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = Array.Empty<string>() }));
        Assert.Equal("A member of council", preview.GetProperty("fields").GetProperty("member").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(ic, reference, "issue_final_report",
            new { previewHash = preview.GetProperty("previewHash").GetString(), acknowledgeWarnings = true })).StatusCode);
        var published = await _public.GetStringAsync($"/api/public/municipalities/demo-township/registry/{reference}");
        Assert.Contains("A member of council", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Max Member", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R15_each_line_of_the_complaint_privacy_notice_is_what_that_audience_sees()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        var reference = await ReportReadyAsync(ic, "Final.", "None.");
        var preview = await Json(await ic.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = Array.Empty<string>() }));
        await ActAsync(ic, reference, "issue_final_report", new { previewHash = preview.GetProperty("previewHash").GetString(), acknowledgeWarnings = true });
        var audiences = new Dictionary<Complaints.Domain.Sight, string>
        {
            [Complaints.Domain.Sight.Full] = "investigator@demo.test", [Complaints.Domain.Sight.Member] = "member@demo.test",
            [Complaints.Domain.Sight.Council] = "clerk@demo.test",
        };
        foreach (var line in Complaints.Domain.NeedToKnow.ComplaintNotice.Where(l => l.Sight != Complaints.Domain.Sight.None))
        {
            var view = await (await _app.ClientForAsync(audiences[line.Sight])).GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
            var complaint = view.GetProperty("complaint");
            Assert.Equal(line.Sight.ToString(), view.GetProperty("sight").GetString());
            Assert.True(line.Name == (complaint.GetProperty("complainantName").ValueKind == JsonValueKind.String), $"{line.Who}: name");
            Assert.True(line.Contact == (complaint.GetProperty("complainantEmail").ValueKind == JsonValueKind.String), $"{line.Who}: e-mail");
            Assert.True(line.Contact == view.GetRawText().Contains("519-555-0100", StringComparison.Ordinal), $"{line.Who}: phone");
            Assert.True(line.Allegation == (complaint.GetProperty("whatHappened").ValueKind == JsonValueKind.String), $"{line.Who}: allegation");
        }

        // The public: the registry, without the complainant.
        Assert.DoesNotContain("Pat Hall", await _public.GetStringAsync($"/api/public/municipalities/demo-township/registry/{reference}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R15_the_registry_publishes_only_a_previewed_and_confirmed_redaction_of_every_published_field()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        var reference = await ReportReadyAsync(ic,
            "The complainant, Pat Hall, met the member at City Hall. Pat Hall can be reached at 519-555-0100 or pat.hall@example.ca.",
            "An apology to Pat Hall, 519-555-0100, delivered to 12 Elm Street, Guelph N1H 3T2.");
        var registryUrl = $"/api/public/municipalities/demo-township/registry/{reference}";
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync(registryUrl)).StatusCode);

        // Only the IC previews and publishes.
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = Array.Empty<string>() })).StatusCode);

        // The marked passages go from every field; no word of the name is replaced on its own ("City Hall" stays).
        string[] marks = ["Pat Hall", "519-555-0100"];
        var preview = await Json(await ic.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks }));
        var fields = preview.GetProperty("fields");
        Assert.Equal("The complainant, [redacted], met the member at City Hall. [redacted] can be reached at [redacted] or pat.hall@example.ca.",
            fields.GetProperty("report").GetString());
        Assert.Equal("An apology to [redacted], [redacted], delivered to 12 Elm Street, Guelph N1H 3T2.", fields.GetProperty("recommendedSanction").GetString());

        // What still looks like personal data is flagged, field by field.
        var warnings = preview.GetProperty("warnings").EnumerateArray().Select(w => (Field: w.GetProperty("field").GetString(),
            Text: w.GetProperty("text").GetString())).ToList();
        Assert.Contains(("report", "pat.hall@example.ca"), warnings);
        Assert.Contains(("recommendedSanction", "12 Elm Street"), warnings);
        Assert.Contains(("recommendedSanction", "N1H 3T2"), warnings);
        var hash = preview.GetProperty("previewHash").GetString()!;

        // Issuing the report publishes the confirmed preview; the old publish endpoint only serves reports issued before.
        async Task<HttpResponseMessage> PublishAsync(string[] with, string previewHash, bool acknowledge)
            => await ActAsync(ic, reference, "issue_final_report", new { marks = with, previewHash, acknowledgeWarnings = acknowledge });

        Assert.Equal(HttpStatusCode.Conflict, (await ic.PostAsJsonAsync($"/api/cases/{reference}/publication",
            new { marks, previewHash = hash, acknowledgeWarnings = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PublishAsync(["Pat Hall"], hash, true)).StatusCode); // not the previewed marks
        Assert.Equal(HttpStatusCode.BadRequest, (await PublishAsync(marks, new string('0', 64), true)).StatusCode);
        var unacknowledged = await PublishAsync(marks, hash, false);
        Assert.Equal(HttpStatusCode.BadRequest, unacknowledged.StatusCode);
        Assert.True((await Json(unacknowledged)).GetProperty("errors").TryGetProperty("acknowledgeWarnings", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync(registryUrl)).StatusCode);

        string[] all = ["Pat Hall", "519-555-0100", "pat.hall@example.ca", "12 Elm Street, Guelph N1H 3T2", "12 Elm Street"];
        var clean = await Json(await ic.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = all }));
        // A part of the complainant's name is still flagged ("City Hall"): the IC looks and acknowledges it.
        var left = Assert.Single(clean.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("report", "Hall"), (left.GetProperty("field").GetString(), left.GetProperty("text").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await PublishAsync(all, clean.GetProperty("previewHash").GetString()!, false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(all, clean.GetProperty("previewHash").GetString()!, true)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PublishAsync(all, clean.GetProperty("previewHash").GetString()!, true)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ic.PostAsJsonAsync($"/api/cases/{reference}/publication",
            new { marks = all, previewHash = clean.GetProperty("previewHash").GetString(), acknowledgeWarnings = true })).StatusCode);

        var published = await _public.GetStringAsync(registryUrl);
        var page = await _public.GetStringAsync($"/registry/demo-township/{reference}");
        foreach (var secret in new[] { "Pat Hall", "519-555-0100", "pat.hall", "Elm Street", "N1H", "The the complainant", "City the complainant" })
        {
            Assert.DoesNotContain(secret, published, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, page, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("met the member at City Hall", published, StringComparison.Ordinal);
        Assert.Contains("[redacted]", page, StringComparison.Ordinal);
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Equal(1, await db.Set<Platform.Audit.AuditEntry>().CountAsync(a => a.RecordId == reference && a.Action == "case.issue_final_report"));
    }

    [Fact]
    public async Task R15_administrators_managers_and_moderators_see_no_complaint_and_the_privacy_notice_says_who_sees_what()
    {
        var (reference, _) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");
        await ActAsync(ic, reference, "investigate");
        foreach (var email in new[] { "admin@demo.test", "manager@demo.test", "moderator@demo.test", "clerk@demo.test" })
        {
            var client = await _app.ClientForAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/cases/{reference}")).StatusCode);
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/cases?type=complaint")).EnumerateArray());
        }

        var admin = await _app.ClientForAsync("admin@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/cases/counts")).StatusCode);

        // The form's notice names each audience and what it sees, with the legal authority and a contact (MFIPPA s.29(2)).
        var form = System.Net.WebUtility.HtmlDecode(await _public.GetStringAsync("/complaint/demo-township"));
        foreach (var line in Complaints.Domain.NeedToKnow.ComplaintNotice)
        {
            Assert.Contains(line.Who, form, StringComparison.Ordinal);
            Assert.Contains(line.Sees, form, StringComparison.Ordinal);
        }

        Assert.Contains("Municipal Act, 2001", form, StringComparison.Ordinal);
        Assert.Contains("Questions about this collection", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R15_only_the_ICs_team_downloads_the_complainants_evidence_under_a_safe_name()
    {
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(await ComplaintAsync())), "data" } };
        foreach (var name in new[] { "report.pdf.html", "invoice\u202Efdp.exe" })
        {
            var file = new ByteArrayContent(AccountsApiTests.Png);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            form.Add(file, "evidence", name);
        }

        var filed = await _public.PostAsync("/api/public/complaints", form);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var reference = (await Json(filed)).GetProperty("reference").GetString()!;
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");
        await ActAsync(ic, reference, "investigate");
        var evidence = (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("evidence").EnumerateArray()
            .Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, evidence.Count);

        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var member = await _app.ClientForAsync("member@demo.test");
        foreach (var id in evidence)
        {
            var url = $"/api/cases/{reference}/evidence/{id}";
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);
            var download = await ic.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(AccountsApiTests.Png, await download.Content.ReadAsByteArrayAsync());
            var name = download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!;
            Assert.EndsWith(".png", name, StringComparison.Ordinal);
            Assert.DoesNotContain(name, c => c is '\u202E' or '\u202D' || char.IsControl(c));
        }
    }

    [Fact]
    public async Task Only_the_case_team_writes_notes_and_the_member_answers_through_their_own_steps()
    {
        var (reference, _) = await FileAsync();
        var ic = await _app.ClientForAsync("ic@demo.test");
        await ActAsync(ic, reference, "accept_for_assessment");
        await ActAsync(ic, reference, "investigate");
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var member = await _app.ClientForAsync("member@demo.test");
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        async Task<int> TimelineCountAsync() => (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("timeline").GetArrayLength();

        var before = await TimelineCountAsync();
        foreach (var client in new[] { clerk, member })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/cases/{reference}/notes", new { text = "Mine.", shareWithParties = false })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(member, reference, "submit_response", new { text = "Sorry.", note = "A note of mine." })).StatusCode);
        Assert.Equal(before, await TimelineCountAsync());
        Assert.Equal("member_response", (await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("stage").GetString());

        // Free text keeps its lines but loses NUL and bidirectional overrides.
        Assert.Equal(HttpStatusCode.OK, (await investigator.PostAsJsonAsync($"/api/cases/{reference}/notes",
            new { text = "Called\u0000 the member's\u202E office.\n\tThen wrote.", shareWithParties = false })).StatusCode);
        Assert.Contains((await ic.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}")).GetProperty("timeline").EnumerateArray(),
            t => t.GetProperty("text").GetString() == "Called the member's office.\n\tThen wrote.");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(member, reference, "submit_response", new { text = "Sorry." })).StatusCode);
    }

    private async Task<int> FireTimersAsync()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .FireDueTimersAsync(scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>(), CancellationToken.None);
    }
}

/// <summary>A date outside the 2026 blackout (nomination day 21 August to voting day 26 October).</summary>
public sealed class ComplaintClockHost : SharedClockHost
{
    protected override DateTimeOffset Start => new(2026, 6, 10, 15, 0, 0, TimeSpan.Zero);
}
