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
            (await ComplaintAsync(name: "Jordan\r\nComplainant"), "name"),
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
    public async Task A_complaint_goes_from_intake_to_council_and_the_report_is_published_with_the_marked_name_redacted()
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

        // Nothing is public until the IC has previewed the redacted report and confirmed it (R15, R16).
        Assert.Empty((await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/registry")).EnumerateArray());
        var preview = await Json(await ic.PostAsJsonAsync($"/api/cases/{reference}/publication/preview", new { marks = new[] { "Jordan Complainant" } }));
        Assert.Equal(HttpStatusCode.OK, (await ic.PostAsJsonAsync($"/api/cases/{reference}/publication", new
        {
            marks = new[] { "Jordan Complainant" }, previewHash = preview.GetProperty("previewHash").GetString(), acknowledgeWarnings = true,
        })).StatusCode);

        var registry = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/registry");
        Assert.Equal(reference, Assert.Single(registry.EnumerateArray()).GetProperty("reference").GetString());
        var report = await _public.GetFromJsonAsync<JsonElement>($"/api/public/municipalities/demo-township/registry/{reference}");
        var text = report.GetProperty("report").GetString()!;
        Assert.DoesNotContain("Jordan", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Final: the concern raised by [redacted] is founded under Article 14. Complainant was courteous throughout.", text);
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

    /// <summary>A complaint by Pat Hall taken to council's decision, with the report and measures naming and locating her.</summary>
    private async Task<string> DecidedComplaintAsync(HttpClient ic, string report, string sanction, string measures)
    {
        var body = await ComplaintAsync(name: "Pat Hall");
        var response = await _public.PostAsJsonAsync("/api/public/complaints", body);
        var reference = (await Json(response)).GetProperty("reference").GetString()!;
        var investigator = await _app.ClientForAsync("investigator@demo.test");
        var member = await _app.ClientForAsync("member@demo.test");
        foreach (var (client, action, step) in new (HttpClient, string, object)[]
        {
            (ic, "accept_for_assessment", new { }), (ic, "investigate", new { }), (member, "submit_response", new { text = "Sorry." }),
            (investigator, "no_reply", new { }), (investigator, "request_hr_review", new { }),
            (investigator, "complete_review", new { pattern = "None.", finding = "No Code ground." }),
            (ic, "send_draft_report", new { reportText = "Draft." }), (member, "submit_comment", new { text = "None." }),
            (ic, "issue_final_report", new { reportText = report, recommendedSanction = sanction }),
            (ic, "record_council_decision", new { councilDecision = "remedial_measures", remedialMeasures = measures, decidedOn = "2026-06-10" }),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(client, reference, action, step)).StatusCode);
        }

        return reference;
    }

    [Fact]
    public async Task R15_the_registry_publishes_only_a_previewed_and_confirmed_redaction_of_every_published_field()
    {
        var ic = await _app.ClientForAsync("ic@demo.test");
        var reference = await DecidedComplaintAsync(ic,
            "The complainant, Pat Hall, met the member at City Hall. Pat Hall can be reached at 519-555-0100 or pat.hall@example.ca.",
            "An apology to Pat Hall, 519-555-0100, delivered to 12 Elm Street, Guelph N1H 3T2.",
            "Apologise in writing to Pat Hall at 12 Elm Street.");
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
        Assert.Equal("Apologise in writing to [redacted] at 12 Elm Street.", fields.GetProperty("remedialMeasures").GetString());

        // What still looks like personal data is flagged, field by field.
        var warnings = preview.GetProperty("warnings").EnumerateArray().Select(w => (Field: w.GetProperty("field").GetString(),
            Text: w.GetProperty("text").GetString())).ToList();
        Assert.Contains(("report", "pat.hall@example.ca"), warnings);
        Assert.Contains(("recommendedSanction", "12 Elm Street"), warnings);
        Assert.Contains(("recommendedSanction", "N1H 3T2"), warnings);
        Assert.Contains(("remedialMeasures", "12 Elm Street"), warnings);
        var hash = preview.GetProperty("previewHash").GetString()!;

        async Task<HttpResponseMessage> PublishAsync(string[] with, string previewHash, bool acknowledge)
            => await ic.PostAsJsonAsync($"/api/cases/{reference}/publication", new { marks = with, previewHash, acknowledgeWarnings = acknowledge });

        Assert.Equal(HttpStatusCode.Conflict, (await PublishAsync(["Pat Hall"], hash, true)).StatusCode); // not the previewed marks
        Assert.Equal(HttpStatusCode.Conflict, (await PublishAsync(marks, new string('0', 64), true)).StatusCode);
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
        Assert.Equal(1, await db.Set<Platform.Audit.AuditEntry>().CountAsync(a => a.RecordId == reference && a.Action == "case.published"));
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
