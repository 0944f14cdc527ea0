using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Accounts.Data;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests.Security;

/// <summary>Every page enforces the policy its API does (ASVS 4.1.1), and refusals leave a trace (ASVS 7.2).</summary>
public sealed class AccessTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_page_and_endpoint_says_who_may_use_it()
    {
        var unmarked = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.DisplayName)
            .ToList();
        Assert.True(unmarked.Count == 0, "Pages or endpoints with neither [Authorize] nor [AllowAnonymous]: " + string.Join(", ", unmarked));
    }

    [Fact]
    public async Task A_member_cannot_read_the_moderation_log_or_run_the_triage_through_the_pages()
    {
        var manager = await _app.ClientForAsync("manager@demo.test");
        var account = (await manager.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray().First().GetProperty("id").GetGuid();
        var member = await StaffWeb.CookieClientAsync(_app, "member@demo.test");
        var memberApi = await _app.ClientForAsync("member@demo.test");
        foreach (var (page, api) in new[] { ($"/accounts/{account}/moderation", $"/api/accounts/{account}/moderation-actions"), ("/moderation/triage", "/api/moderation/triage") })
        {
            var response = await member.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            var apiAnswer = api.EndsWith("triage", StringComparison.Ordinal)
                ? await memberApi.PostAsJsonAsync(api, new { accountId = account })
                : await memberApi.GetAsync(api);
            Assert.Equal(HttpStatusCode.Forbidden, apiAnswer.StatusCode);
        }

        var moderator = await StaffWeb.CookieClientAsync(_app, "moderator@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/accounts/{account}/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/moderation/triage")).StatusCode);
    }

    [Fact]
    public async Task Changes_through_the_api_need_a_bearer_token_not_the_page_cookie()
    {
        var browser = await StaffWeb.CookieClientAsync(_app, "admin@demo.test");
        var demo = AccountsModule.DemoMunicipalityId;
        // Reads follow the cookie (pages link to API downloads); a change would be a cross-site request forgery.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/municipalities/{demo}/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await browser.PutAsJsonAsync($"/api/municipalities/{demo}/settings", new { priorViolationsBeforeBlock = 0 })).StatusCode);
        var admin = await _app.ClientForAsync("admin@demo.test");
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/municipalities/{demo}/settings")).GetProperty("priorViolationsBeforeBlock").GetInt32());
    }

    [Fact]
    public async Task Refusals_failed_sign_ins_and_changes_are_security_events_an_administrator_sees()
    {
        var (other, _) = await _app.AddOtherMunicipalityAsync();
        await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "clerk@demo.test", password = "Wrong-Password-1!" });
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/municipalities/{other}")).StatusCode);

        var admin = await _app.ClientForAsync("admin@demo.test");
        var events = (await admin.GetFromJsonAsync<JsonElement>("/api/security/events")).EnumerateArray()
            .Select(e => $"{e.GetProperty("event").GetString()} {e.GetProperty("account").GetString()} {e.GetProperty("detail").GetString()}").ToList();
        Assert.Contains(events, e => e.StartsWith("sign-in.failed clerk@demo.test", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("request.forbidden clerk@demo.test GET /api/staff", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith($"request.not-found clerk@demo.test GET /api/municipalities/{other}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/security/events")).StatusCode);

        var page = await (await StaffWeb.CookieClientAsync(_app, "admin@demo.test")).GetStringAsync("/admin/security");
        Assert.Contains("sign-in.failed", page, StringComparison.Ordinal);

        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var entry = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<AuditEntry>()
            .FirstAsync(e => e.Action == "security.request.forbidden");
        Assert.Equal("clerk@demo.test", entry.Actor);
    }

    [Fact]
    public async Task Answers_carry_no_store_a_strict_policy_and_no_server_banner()
    {
        var client = await _app.ClientForAsync("ic@demo.test");
        foreach (var path in new[] { "/api/cases", "/login", "/" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
            Assert.False(response.Headers.Contains("Server"));
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        }
    }
}
