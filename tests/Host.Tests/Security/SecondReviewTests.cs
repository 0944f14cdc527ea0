using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Accounts;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests.Security;

/// <summary>What a second review of sign-in found: two-step codes, role changes across municipalities, replays, floods.</summary>
public sealed partial class SecondReviewTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> TurnOnTwoFactorAsync(string email)
    {
        var api = _app.CreateClient();
        var tokens = await StaffWeb.SignInAsync(api, email);
        var setup = await (await api.SendAsync(StaffWeb.Bearer(HttpMethod.Get, "/api/auth/manage/2fa", tokens.AccessToken))).Content.ReadFromJsonAsync<JsonElement>();
        var key = setup.GetProperty("sharedKey").GetString()!;
        var on = await api.SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/2fa", tokens.AccessToken,
            new { enable = true, twoFactorCode = StaffWeb.Totp(key, DateTimeOffset.UtcNow.AddSeconds(-30)) }));
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        return key;
    }

    private async Task<T> InDbAsync<T>(Func<AccountsDbContext, Task<T>> read)
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await read(scope.ServiceProvider.GetRequiredService<AccountsDbContext>());
    }

    [Fact]
    public async Task The_setup_step_of_the_login_page_cannot_be_used_to_guess_the_code_of_an_account_that_has_two_step_sign_in()
    {
        var key = await TurnOnTwoFactorAsync("admin@demo.test");
        var browser = StaffWeb.Browser(_app);
        var step = await (await StaffWeb.PostFormAsync(browser, "/login",
            new() { ["Input.Email"] = "admin@demo.test", ["Input.Password"] = GovernanceFactory.Password })).Content.ReadAsStringAsync();
        var pending = WebUtility.HtmlDecode(Pending().Match(step).Groups[1].Value);

        // The note for the code step, taken to the setup step with the right code: refused, nothing signed in.
        var setup = await StaffWeb.PostFormAsync(browser, "/login", new() { ["Pending"] = pending, ["Code"] = StaffWeb.Totp(key) }, "Setup");
        Assert.Contains("That took too long", await setup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_wrong_codes_are_throttled_like_passwords()
    {
        var key = await TurnOnTwoFactorAsync("ic@demo.test");
        var code = StaffWeb.Totp(key);
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login",
            new { email = "ic@demo.test", password = GovernanceFactory.Password, twoFactorCode = code })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login",
            new { email = "ic@demo.test", password = GovernanceFactory.Password, twoFactorCode = code })).StatusCode);

        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 8 && last != HttpStatusCode.TooManyRequests; i++)
        {
            last = (await client.PostAsJsonAsync("/api/auth/login",
                new { email = "ic@demo.test", password = GovernanceFactory.Password, twoFactorCode = "000000" })).StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task Another_spelling_of_an_address_that_finds_the_account_shares_its_limits()
    {
        Assert.Equal(Accounts.Features.SignIn.StaffSignIn.Key("moderator@demo.test"), Accounts.Features.SignIn.StaffSignIn.Key("moderator@demo.te\u017Ft"));
        var client = _app.CreateClient();
        foreach (var email in new[] { "moderator@demo.test", "MODERATOR@demo.test", "moderator@demo.te\u017Ft", " moderator@demo.test", "Moderator@Demo.Test" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Password-1!" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/login",
            new { email = "moderator@demo.te\u017Ft", password = "Wrong-Password-1!" })).StatusCode);
    }

    [Fact]
    public async Task A_client_looping_on_a_limit_leaves_one_trace_a_window_not_thousands()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = "clerk@demo.test", password = "Wrong-Password-1!" });
        }

        Assert.Equal(1, await InDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "security.sign-in.throttled")));
    }

    [Fact]
    public async Task The_same_refresh_token_sent_twice_at_once_wins_once_and_ends_the_session()
    {
        var tokens = await StaffWeb.SignInAsync(_app.CreateClient(), "clerk@demo.test");
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })));
        Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.OK));
        var winner = (await both.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await _app.CreateClient().SendAsync(StaffWeb.Bearer(HttpMethod.Get, "/api/auth/manage/info", winner))).StatusCode);
    }

    [Fact]
    public async Task Roles_change_only_by_someone_serving_every_municipality_of_the_person()
    {
        var (other, _) = await _app.AddOtherMunicipalityAsync();
        Guid shared;
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            var user = new StaffUser { UserName = "two.towns@demo.test", Email = "two.towns@demo.test", DisplayName = "Two Towns", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, GovernanceFactory.Password)).Succeeded);
            await users.AddToRoleAsync(user, StaffRoles.Clerk);
            db.Assignments.AddRange(new StaffAssignment { UserId = user.Id, MunicipalityId = AccountsModule.DemoMunicipalityId },
                new StaffAssignment { UserId = user.Id, MunicipalityId = other });
            await db.SaveChangesAsync();
            shared = user.Id;
        }

        var admin = await _app.ClientForAsync("admin@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/staff/{shared}/roles", new { roles = new[] { "Administrator" } })).StatusCode);
        Assert.Equal(["Clerk"], await InDbAsync(async db => await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                                                  where ur.UserId == shared select r.Name!).ToListAsync()));
    }

    [Fact]
    public async Task The_current_password_is_throttled_on_account_changes_too()
    {
        var tokens = await StaffWeb.SignInAsync(_app.CreateClient(), "member@demo.test");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var response = await _app.CreateClient().SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/password", tokens.AccessToken,
                new { currentPassword = $"Guess-Number-{i}!", newPassword = "Another-Password-2026!" }));
            statuses.Add(response.StatusCode);
            if (i == 6)
            {
                Assert.Contains("Too many", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
    }

    [Fact]
    public async Task The_calendar_subscription_link_uses_the_public_address_not_the_request_host()
    {
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var elections = await clerk.GetFromJsonAsync<JsonElement>($"/api/elections/municipalities/{AccountsModule.DemoMunicipalityId}/elections");
        var election = elections.EnumerateArray().First().GetProperty("id").GetGuid();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/elections/{election}/feed");
        request.Headers.Host = "127.0.0.1";
        var feed = await (await clerk.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("http://localhost/api/elections/feeds/", feed.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Pending\" value=\"([^\"]+)\"")]
    private static partial Regex Pending();
}
