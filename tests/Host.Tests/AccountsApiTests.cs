using Governance.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Accounts.Data;
using Governance.Accounts.Jobs;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

public sealed class AccountsApiTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private static readonly Guid Demo = AccountsModule.DemoMunicipalityId;
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private readonly GovernanceFactory _app = host.App;
    private HttpClient _manager = null!;
    private HttpClient _moderator = null!;

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        _manager = await _app.ClientForAsync("manager@demo.test");
        _moderator = await _app.ClientForAsync("moderator@demo.test");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private Task<Guid> RegisterAsync(string handle = "@DemoTownship", string owner = "Municipality") => RegisterAsync(_manager, handle, owner);

    private static async Task<Guid> RegisterAsync(HttpClient manager, string handle, string owner)
    {
        var response = await manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = Demo, platform = "Facebook", handle, profileUrl = $"https://facebook.com/{handle.TrimStart('@')}",
            owner, ownerName = owner == "Member" ? "Councillor Max Member" : "Demo Township", purpose = "Municipal news and services",
            responsibleName = "Sam Manager", responsibleEmail = "manager@demo.test",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> RuleAsync(string code)
        => (await _manager.GetFromJsonAsync<JsonElement>($"/api/policies/rules?municipalityId={Demo}")).EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    internal static MultipartFormDataContent Form(Dictionary<string, string?> fields, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
        {
            form.Add(new StringContent(value!), key);
        }

        foreach (var (name, bytes, type) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, "evidence", name);
        }

        return form;
    }

    private static Dictionary<string, string?> Action(string kind, Guid? rule, string handle = "@troll", string? justification = null,
        string? requestId = null) => new()
    {
        ["kind"] = kind, ["targetHandle"] = handle, ["targetProfileUrl"] = "https://facebook.com/troll",
        ["contentAsPosted"] = "Buy cheap watches at spam.example!", ["occurredAt"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
        ["rule"] = rule?.ToString(), ["capturedAt"] = DateTimeOffset.UtcNow.AddMinutes(-50).ToString("O"),
        ["justification"] = justification, ["blockReviewOn"] = kind == "Block" ? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd") : null,
        ["requestId"] = requestId,
    };

    [Fact]
    public async Task Registering_an_account_rejects_bad_input_and_duplicates_and_stores_nothing_for_them()
    {
        var before = (await _manager.GetFromJsonAsync<JsonElement>("/api/accounts")).GetArrayLength(); // the demo member's account
        var bad = await _manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = Demo, platform = "Facebook", handle = "<script>alert(1)</script>", profileUrl = "javascript:alert(1)",
            owner = "Member", ownerName = "", purpose = "", responsibleName = "Sam", responsibleEmail = "not-an-email",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        foreach (var field in new[] { "handle", "profileUrl", "ownerName", "purpose", "responsibleEmail" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(before, (await _manager.GetFromJsonAsync<JsonElement>("/api/accounts")).GetArrayLength());
        await RegisterAsync();
        var duplicate = await _manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = Demo, platform = "Facebook", handle = "@DemoTownship", profileUrl = "https://facebook.com/DemoTownship",
            owner = "Municipality", ownerName = "Demo Township", purpose = "Again", responsibleName = "Sam", responsibleEmail = "manager@demo.test",
        });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _moderator.PostAsJsonAsync("/api/accounts", new { })).StatusCode);
    }

    [Fact]
    public async Task R1_facts_classify_the_account_and_its_history_answers_for_any_date()
    {
        // A clock of its own, moved on between registering and classifying: no waiting on the real one.
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = new GovernanceFactory { Clock = clock };
        var manager = await app.ClientForAsync("manager@demo.test");
        var id = await RegisterAsync(manager, "@CllrMember", "Member");
        var before = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));
        var classified = await manager.PutAsJsonAsync($"/api/accounts/{id}/official-test", new
        {
            facts = new Dictionary<string, object>
            {
                ["official_title"] = new { answer = true, note = "Bio says 'Councillor, Ward 2'" },
                ["own_views_disclaimer"] = new { answer = true, note = (string?)null },
            },
        });
        Assert.Equal(HttpStatusCode.OK, classified.StatusCode);
        var now = await Json(classified);
        Assert.Equal("Hybrid", now.GetProperty("classification").GetString());
        Assert.True(now.GetProperty("treatedAsOfficial").GetBoolean());
        Assert.Equal(["official_title"], now.GetProperty("fired").EnumerateArray().Select(f => f.GetString()));

        var then = await manager.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}/classification?at={Uri.EscapeDataString(before.ToString("O"))}");
        Assert.Empty(then.GetProperty("fired").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/accounts/{id}/classification?at=2000-01-01T00:00:00Z")).StatusCode);

        var unknown = await manager.PutAsJsonAsync($"/api/accounts/{id}/official-test",
            new { facts = new Dictionary<string, object> { ["likes_cats"] = new { answer = true } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_moderation_action_needs_a_catalogue_rule_and_real_evidence()
    {
        var account = await RegisterAsync();
        var spam = await RuleAsync("spam_flooding");
        var url = $"/api/accounts/{account}/moderation-actions";

        var ok = await _moderator.PostAsync(url, Form(Action("Delete", spam), ("screenshot.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var action = await Json(ok);
        Assert.Equal("spam_flooding", action.GetProperty("ruleCode").GetString());
        var evidence = action.GetProperty("evidence")[0];
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)), evidence.GetProperty("sha256").GetString());
        var download = await _manager.GetAsync($"/api/moderation-actions/{action.GetProperty("id").GetGuid()}/evidence/{evidence.GetProperty("id").GetGuid()}");
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());

        var exe = await _moderator.PostAsync(url, Form(Action("Delete", spam), ("screenshot.png", "MZ\u0090\0fake"u8.ToArray(), "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("not a PNG", (await Json(exe)).GetProperty("errors").GetProperty("evidence")[0].GetString(), StringComparison.Ordinal);

        var noRule = await _moderator.PostAsync(url, Form(Action("Delete", Guid.NewGuid()), ("s.png", Png, "image/png")));
        Assert.True((await Json(noRule)).GetProperty("errors").TryGetProperty("rule", out _));

        var big = new byte[11 * 1024 * 1024];
        Png.CopyTo(big, 0);
        var oversize = await _moderator.PostAsync(url, Form(Action("Delete", spam), ("huge.png", big, "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);

        var json = await _moderator.PostAsJsonAsync(url, new { kind = "Delete" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        var badKind = await _moderator.PostAsync(url, Form(new() { ["kind"] = "Nuke" }));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);

        var list = await _moderator.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(1, list.GetArrayLength());
    }

    [Fact]
    public async Task A_handle_with_a_line_break_is_refused_and_free_text_is_kept_without_nul_or_bidirectional_overrides()
    {
        var account = await RegisterAsync();
        var threats = await RuleAsync("threats");
        var url = $"/api/accounts/{account}/moderation-actions";

        // A line break in a handle would break the block-review reminder's e-mail subject.
        var broken = await _moderator.PostAsync(url, Form(Action("Block", threats, handle: "@troll\r\nBcc: all@example.ca", justification: "Threat."),
            ("s.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.True((await Json(broken)).GetProperty("errors").TryGetProperty("targetHandle", out _));
        var registered = await _manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = Demo, platform = "Facebook", handle = "@Other", profileUrl = "https://facebook.com/Other", owner = "Municipality",
            ownerName = "Demo\r\nTownship", purpose = "News", responsibleName = "Sam Manager", responsibleEmail = "manager@demo.test",
        });
        Assert.Equal(HttpStatusCode.BadRequest, registered.StatusCode);
        Assert.True((await Json(registered)).GetProperty("errors").TryGetProperty("ownerName", out _));
        Assert.Empty((await _moderator.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
        Assert.Single((await _manager.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == account);

        var fields = Action("Delete", threats);
        fields["contentAsPosted"] = "You will\n\tregret\0 this\u202E gnp.exe";
        var kept = await _moderator.PostAsync(url, Form(fields, ("report.pdf.html", Png, "text/html")));
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        var action = await Json(kept);
        Assert.Equal("You will\n\tregret this gnp.exe", action.GetProperty("contentAsPosted").GetString());
        var evidence = action.GetProperty("evidence")[0];
        var download = await _manager.GetAsync($"/api/moderation-actions/{action.GetProperty("id").GetGuid()}/evidence/{evidence.GetProperty("id").GetGuid()}");
        Assert.Equal("report.pdf.png", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task R4_and_R5_flags_and_the_block_register()
    {
        var account = await RegisterAsync();
        var threats = await RuleAsync("threats");
        var url = $"/api/accounts/{account}/moderation-actions";

        var disagreement = Action("Hide", null, "@critic");
        disagreement["rule"] = "disagreement";
        var viewpoint = await Json(await _moderator.PostAsync(url, Form(disagreement)));
        Assert.Equal(["viewpoint"], viewpoint.GetProperty("riskFlags").EnumerateArray().Select(x => x.GetString()));

        var unjustified = await _moderator.PostAsync(url, Form(Action("Block", threats), ("s.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, unjustified.StatusCode);
        Assert.Contains("Only 0 prior violation", (await Json(unjustified)).GetProperty("errors").GetProperty("justification")[0].GetString(), StringComparison.Ordinal);

        var requestId = Guid.NewGuid().ToString();
        var blocked = await _moderator.PostAsync(url, Form(Action("Block", threats, justification: "Doxxing a staff member's home address.", requestId: requestId), ("s.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.Created, blocked.StatusCode);
        var block = await Json(blocked);
        Assert.Equal(["block-without-graduation"], block.GetProperty("riskFlags").EnumerateArray().Select(x => x.GetString()));
        // The same form sent twice records one action.
        var again = await Json(await _moderator.PostAsync(url, Form(Action("Block", threats, justification: "Doxxing.", requestId: requestId), ("s.png", Png, "image/png"))));
        Assert.Equal(block.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());

        var active = await _moderator.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/blocks?active=true");
        Assert.Equal("@troll", Assert.Single(active.EnumerateArray()).GetProperty("targetHandle").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _moderator.PostAsync(url, Form(Action("Block", threats, justification: "again"), ("s.png", Png, "image/png")))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await _moderator.PostAsync(url, Form(Action("Unblock", null)))).StatusCode);
        Assert.Equal(0, (await _moderator.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/blocks?active=true")).GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await _moderator.PostAsync(url, Form(Action("Unblock", null)))).StatusCode);

        // Two prior violations: a block needs no justification any more.
        await _moderator.PostAsync(url, Form(Action("Delete", threats, "@repeat"), ("s.png", Png, "image/png")));
        await _moderator.PostAsync(url, Form(Action("Hide", threats, "@repeat")));
        var graduated = await Json(await _moderator.PostAsync(url, Form(Action("Block", threats, "@repeat"), ("s.png", Png, "image/png"))));
        Assert.Empty(graduated.GetProperty("riskFlags").EnumerateArray());

        var triage = await _moderator.PostAsJsonAsync("/api/moderation/triage", new { accountId = account, targetHandle = "@newcomer", abuseOrThreat = true });
        Assert.Equal("Delete", (await Json(triage)).GetProperty("leastIntrusive").GetString());
    }

    [Fact]
    public async Task A_block_review_reminder_is_sent_once()
    {
        var account = await RegisterAsync();
        var threats = await RuleAsync("threats");
        var fields = Action("Block", threats, justification: "Credible threat to staff.");
        fields["credibleThreat"] = "true";
        fields["blockReviewOn"] = GovernanceFactory.TodayInToronto().ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.Created, (await _moderator.PostAsync($"/api/accounts/{account}/moderation-actions", Form(fields, ("s.png", Png, "image/png")))).StatusCode);

        async Task<int> RunJobAsync()
        {
            using var scope = _app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<BlockReviewReminders>().SendDueAsync(CancellationToken.None);
        }

        // Two runs at once (a retry overlapping the next firing, or two hosts): one reminder.
        Assert.Equal(1, (await Task.WhenAll(RunJobAsync(), RunJobAsync())).Sum());
        Assert.Equal(0, await RunJobAsync());

        // A run that read the block before that reminder committed (its "sent" mark unseen) still sends nothing: the
        // reminder's key, the block and its date, is taken.
        using (var stale = _app.Services.CreateScope())
        {
            stale.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
            Assert.Equal(1, await stale.ServiceProvider.GetRequiredService<AccountsDbContext>().Blocks
                .Where(b => b.ReminderSentAt != null).ExecuteUpdateAsync(s => s.SetProperty(b => b.ReminderSentAt, (DateTimeOffset?)null)));
        }

        Assert.Equal(0, await RunJobAsync());

        // Reviewed and kept: a new review date brings a new reminder on that date, not before.
        var block = (await _moderator.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/blocks?active=true"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await _moderator.PutAsJsonAsync($"/api/blocks/{block}/review",
            new { reviewOn = GovernanceFactory.TodayInToronto() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _moderator.PutAsJsonAsync($"/api/blocks/{block}/review",
            new { reviewOn = GovernanceFactory.TodayInToronto().AddDays(30) })).StatusCode);
        Assert.Equal(0, await RunJobAsync());
        using var check = _app.Services.CreateScope();
        check.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var mails = await check.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>()
            .Where(m => m.Kind == OutboxKind.Mail && m.Payload.Contains("Block review due")).ToListAsync();
        Assert.Contains("manager@demo.test", Assert.Single(mails).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R5_the_threshold_is_a_municipality_setting_kept_by_an_administrator()
    {
        var account = await RegisterAsync();
        var threats = await RuleAsync("threats");
        var admin = await _app.ClientForAsync("admin@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await _manager.PutAsJsonAsync($"/api/municipalities/{Demo}/settings", new { priorViolationsBeforeBlock = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/municipalities/{Demo}/settings", new { priorViolationsBeforeBlock = 99 })).StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/municipalities/{Demo}/settings")).GetProperty("priorViolationsBeforeBlock").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/municipalities/{Demo}/settings", new { priorViolationsBeforeBlock = 0 })).StatusCode);
        var block = await _moderator.PostAsync($"/api/accounts/{account}/moderation-actions", Form(Action("Block", threats), ("s.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        Assert.Empty((await Json(block)).GetProperty("riskFlags").EnumerateArray());
    }

    [Fact]
    public async Task The_transparency_page_shows_counts_and_no_personal_data()
    {
        var account = await RegisterAsync();
        var spam = await RuleAsync("spam_flooding");
        await _moderator.PostAsync($"/api/accounts/{account}/moderation-actions", Form(Action("Delete", spam), ("s.png", Png, "image/png")));
        await _moderator.PostAsync($"/api/accounts/{account}/moderation-actions", Form(Action("Hide", spam, "@other")));

        var response = await _app.CreateClient().GetAsync($"/api/public/municipalities/demo-township/accounts/{account}/transparency");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var month = JsonDocument.Parse(text).RootElement.GetProperty("months")[0];
        Assert.Equal(1, month.GetProperty("byAction").GetProperty("Deleted").GetInt32());
        Assert.Equal(2, month.GetProperty("byRule").GetProperty("Spam or flooding").GetInt32());
        Assert.DoesNotContain("@troll", text, StringComparison.Ordinal);
        Assert.DoesNotContain("watches", text, StringComparison.Ordinal);
        Assert.DoesNotContain("moderator", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_municipalitys_accounts_are_404()
    {
        var account = await RegisterAsync();
        var (_, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var other = await _app.ClientForAsync(otherClerk);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/accounts/{account}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/accounts/{account}/official-test")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/accounts/{account}/moderation-actions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/accounts/{account}/blocks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/api/public/municipalities/other-town/accounts/{account}/transparency")).StatusCode);
    }
}
