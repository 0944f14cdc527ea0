using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Complaints.Data;
using Governance.Host.Tests.Security;
using Governance.Platform.Audit;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>
/// People see a page in plain words with a way forward, the status kept, where programs get ProblemDetails (issue 13);
/// a resident who lost their link gets it again at the address on file, and the page says the same either way.
/// </summary>
public sealed class StatusPageTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private const string Sent = "If the reference number and e-mail address match a case, we sent its private link to that address.";
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> BrowseAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await client.SendAsync(request);
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string words)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(words, html, StringComparison.Ordinal);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
    }

    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> FileAppealAsync(string email)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/public/appeals", new
        {
            municipality = "demo-township", accountDescription = "Demo Township Facebook page", subject = "PostDeleted",
            happenedOn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"), contentPosted = "Why is the library closing early?",
            reasonGiven = "None given", grounds = new[] { "disability" }, name = "Robin Resident", email, consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private async Task<T> InDbAsync<T>(Func<ComplaintsDbContext, Task<T>> query)
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await query(scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>());
    }

    private Task<int> LinkMailsAsync(string reference) => InDbAsync(db => db.Set<OutboxMessage>()
        .CountAsync(m => m.Kind == OutboxKind.Mail && m.Payload.Contains("Your link to your appeal") && m.Payload.Contains(reference)));

    [Fact]
    public async Task An_unknown_page_is_a_404_page_in_words_for_any_method_while_the_api_keeps_problem_details()
    {
        var browser = StaffWeb.Browser(_app);
        await AssertPageAsync(await BrowseAsync(browser, HttpMethod.Get, "/no-such-page"), HttpStatusCode.NotFound, "Page not found");
        // A form posted to a wrong address has no antiforgery token to check: still the page, still 404.
        await AssertPageAsync(await BrowseAsync(browser, HttpMethod.Post, "/no-such-page"), HttpStatusCode.NotFound, "Page not found");
        var head = await BrowseAsync(browser, HttpMethod.Head, "/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);

        AssertProblem(await BrowseAsync(browser, HttpMethod.Get, "/api/no-such-thing"), HttpStatusCode.NotFound);
        AssertProblem(await BrowseAsync(browser, HttpMethod.Get, "/api/public/municipalities/nowhere/members"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tracking_link_cut_short_or_wrong_is_a_404_page_that_offers_the_link_again()
    {
        var reference = await FileAppealAsync("robin@example.ca");
        var browser = StaffWeb.Browser(_app);
        foreach (var link in new[] { $"/track/{reference}?token=wrong", $"/track/{reference}", $"/track/{reference[..^2]}" })
        {
            var response = await BrowseAsync(browser, HttpMethod.Get, link);
            await AssertPageAsync(response, HttpStatusCode.NotFound, "We could not find your case");
            Assert.Contains("href=\"/track\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        AssertProblem(await BrowseAsync(browser, HttpMethod.Get, $"/api/public/cases/{reference}?token=wrong"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_staff_page_refused_to_a_role_is_a_403_page_while_the_api_answers_403()
    {
        var member = await StaffWeb.CookieClientAsync(_app, "member@demo.test");
        var refused = await member.GetAsync("/moderation/triage");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        await AssertPageAsync(await BrowseAsync(member, HttpMethod.Get, refused.Headers.Location!.PathAndQuery), HttpStatusCode.Forbidden,
            "Your account does not give access to that page.");
        // One refusal, one security event: the access-denied page is not counted again.
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var accounts = scope.ServiceProvider.GetRequiredService<Governance.Accounts.Data.AccountsDbContext>();
        Assert.Equal(1, await accounts.Set<AuditEntry>().CountAsync(e => e.Action == "security.request.forbidden"));

        var api = await _app.ClientForAsync("member@demo.test");
        var answer = await api.PostAsJsonAsync("/api/moderation/triage", new { accountId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task A_lost_link_goes_once_to_the_address_on_file_and_the_page_says_the_same_for_a_mismatch()
    {
        var reference = await FileAppealAsync("robin@example.ca");
        var before = await LinkMailsAsync(reference);
        var browser = StaffWeb.Browser(_app);

        var matched = await StaffWeb.PostFormAsync(browser, "/track", new() { ["Reference"] = reference.ToLowerInvariant(), ["Email"] = " Robin@Example.ca " });
        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        Assert.Contains(Sent, await matched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await LinkMailsAsync(reference));
        var mail = await InDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Payload.Contains("Your link to your appeal")).Select(m => m.Payload).SingleAsync());
        Assert.Contains("\"robin@example.ca\"", mail, StringComparison.Ordinal);
        Assert.Equal(1, await InDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.RecordId == reference && a.Action == "case.link-resent")));

        var mismatched = await StaffWeb.PostFormAsync(browser, "/track", new() { ["Reference"] = reference, ["Email"] = "someone@example.ca" });
        Assert.Equal(HttpStatusCode.OK, mismatched.StatusCode);
        Assert.Contains(Sent, await mismatched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await StaffWeb.PostFormAsync(browser, "/track", new() { ["Reference"] = "APL-2026-999999", ["Email"] = "robin@example.ca" });
        Assert.Contains(Sent, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await LinkMailsAsync(reference));

        // The API twin answers alike, and checks its body.
        var client = _app.CreateClient();
        var api = await client.PostAsJsonAsync("/api/public/cases/lost-link", new { reference, email = "someone@example.ca" });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.StartsWith(Sent, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        api = await client.PostAsJsonAsync("/api/public/cases/lost-link", new { reference, email = "robin@example.ca" });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(before + 2, await LinkMailsAsync(reference));
        AssertProblem(await client.PostAsJsonAsync("/api/public/cases/lost-link", new { reference }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Too_many_forms_from_one_address_is_a_429_page_that_says_when_to_try_again()
    {
        await using var limited = new GovernanceFactory { RateLimit = 1 };
        var browser = StaffWeb.Browser(limited);
        // Reading is free; only sending counts (one send an hour here).
        Assert.Equal(HttpStatusCode.OK, (await BrowseAsync(browser, HttpMethod.Get, "/track")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BrowseAsync(browser, HttpMethod.Get, "/track")).StatusCode);
        Dictionary<string, string> form = new() { ["Reference"] = "APL-2026-999999", ["Email"] = "robin@example.ca" };
        Assert.Equal(HttpStatusCode.OK, (await StaffWeb.PostFormAsync(browser, "/track", form)).StatusCode);
        var refused = await StaffWeb.PostFormAsync(browser, "/track", form);
        await AssertPageAsync(refused, HttpStatusCode.TooManyRequests, "Please try again in about");
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
