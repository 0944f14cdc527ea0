using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Accounts;

namespace Governance.Host.Tests.Security;

/// <summary>Two-step sign-in on the /login page, and a municipality that requires it of administrators and the IC (ASVS 2.7, 2.8).</summary>
public sealed partial class TwoFactorTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A code is accepted once: set up with the previous 30 seconds' code (still valid), sign in with this one.</summary>
    private static DateTimeOffset Earlier => DateTimeOffset.UtcNow.AddSeconds(-30);

    [Fact]
    public async Task The_login_page_asks_for_the_authenticator_code_after_the_password()
    {
        // Turned on through the API with a code from the "app".
        var api = _app.CreateClient();
        var tokens = await StaffWeb.SignInAsync(api, "admin@demo.test");
        var setup = await (await api.SendAsync(StaffWeb.Bearer(HttpMethod.Get, "/api/auth/manage/2fa", tokens.AccessToken))).Content.ReadFromJsonAsync<JsonElement>();
        var key = setup.GetProperty("sharedKey").GetString()!;
        var on = await api.SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/2fa", tokens.AccessToken, new { enable = true, twoFactorCode = StaffWeb.Totp(key, Earlier) }));
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);

        // The password alone no longer signs in, on the API or the page.
        var passwordOnly = await api.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.test", password = GovernanceFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Contains("RequiresTwoFactor", await passwordOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var browser = StaffWeb.Browser(_app);
        var step = await StaffWeb.PostFormAsync(browser, "/login", new() { ["Input.Email"] = "admin@demo.test", ["Input.Password"] = GovernanceFactory.Password });
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        var html = await step.Content.ReadAsStringAsync();
        Assert.Contains("Code from your app", html, StringComparison.Ordinal);
        var pending = Pending().Match(html).Groups[1].Value;
        Assert.NotEmpty(pending);
        Assert.DoesNotContain(GovernanceFactory.Password, html, StringComparison.Ordinal);

        var wrong = await StaffWeb.PostFormAsync(browser, "/login", new() { ["Pending"] = WebUtility.HtmlDecode(pending), ["Code"] = "000000" }, "Code");
        Assert.Contains("The code is not correct", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await StaffWeb.PostFormAsync(browser, "/login", new() { ["Pending"] = WebUtility.HtmlDecode(pending), ["Code"] = StaffWeb.Totp(key) }, "Code");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/security")).StatusCode);
        // The code just used on the page is not accepted a second time (ASVS 2.8.4).
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/auth/login",
            new { email = "admin@demo.test", password = GovernanceFactory.Password, twoFactorCode = StaffWeb.Totp(key) })).StatusCode);
    }

    [Fact]
    public async Task A_municipality_that_requires_two_step_sign_in_has_the_ic_set_it_up_at_the_next_sign_in()
    {
        var admin = await _app.ClientForAsync("admin@demo.test");
        var demo = AccountsModule.DemoMunicipalityId;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/municipalities/{demo}/settings",
            new { priorViolationsBeforeBlock = 2, requireTwoFactor = true })).StatusCode);

        // The clerk is not concerned; the IC's API sign-in says to set it up on the page.
        await StaffWeb.SignInAsync(_app.CreateClient(), "clerk@demo.test");
        var ic = await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "ic@demo.test", password = GovernanceFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, ic.StatusCode);
        Assert.Contains("RequiresTwoFactorSetup", await ic.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var browser = StaffWeb.Browser(_app);
        var step = await (await StaffWeb.PostFormAsync(browser, "/login", new() { ["Input.Email"] = "ic@demo.test", ["Input.Password"] = GovernanceFactory.Password }))
            .Content.ReadAsStringAsync();
        Assert.Contains("Set up two-step sign-in", step, StringComparison.Ordinal);
        var key = SharedKey().Match(step).Groups[1].Value;
        var done = await StaffWeb.PostFormAsync(browser, "/login",
            new() { ["Pending"] = WebUtility.HtmlDecode(Pending().Match(step).Groups[1].Value), ["Code"] = StaffWeb.Totp(key, Earlier) }, "Setup");
        var page = await done.Content.ReadAsStringAsync();
        Assert.Contains("Your recovery codes", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/cases")).StatusCode);

        // Required, so it cannot be turned off.
        var tokens = await StaffWeb.SignInAsync(_app.CreateClient(), "ic@demo.test", code: StaffWeb.Totp(key));
        var off = await _app.CreateClient().SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/2fa", tokens.AccessToken,
            new { enable = false, twoFactorCode = StaffWeb.Totp(key) }));
        Assert.Equal(HttpStatusCode.Conflict, off.StatusCode);
    }

    [GeneratedRegex("name=\"Pending\" value=\"([^\"]+)\"")]
    private static partial Regex Pending();

    [GeneratedRegex("<code id=\"shared-key\">([A-Z2-7]+)</code>")]
    private static partial Regex SharedKey();
}
