using System.Net;
using System.Net.Http.Json;
using Governance.Testing;

namespace Governance.Host.Tests.Security;

/// <summary>
/// Sessions end (ASVS 3.3): on sign-out, on a change of password, after 30 idle minutes and 8 hours, for the cookie,
/// the access token and the refresh token alike; a refresh token works once.
/// </summary>
public sealed class SessionTests(SharedClockHost host) : IClassFixture<SharedClockHost>, IAsyncLifetime
{
    private readonly FakeClock _clock = host.Clock;
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpStatusCode> ReadAsync(string token)
        => (await _app.CreateClient().SendAsync(StaffWeb.Bearer(HttpMethod.Get, "/api/auth/manage/info", token))).StatusCode;

    private async Task<HttpStatusCode> RefreshAsync(string refreshToken)
        => (await _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode;

    [Fact]
    public async Task A_password_change_ends_every_token_and_cookie_of_the_account()
    {
        var api = await StaffWeb.SignInAsync(_app.CreateClient(), "clerk@demo.test");
        var browser = await StaffWeb.CookieClientAsync(_app, "clerk@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/cases")).StatusCode);

        var changed = await _app.CreateClient().SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/password", api.AccessToken,
            new { currentPassword = GovernanceFactory.Password, newPassword = "Another-Password-2026!" }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(api.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(api.RefreshToken));
        var page = await browser.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await StaffWeb.SignInAsync(_app.CreateClient(), "clerk@demo.test", "Another-Password-2026!");
    }

    [Fact]
    public async Task Signing_out_ends_the_token_the_refresh_token_and_a_replayed_cookie()
    {
        var api = await StaffWeb.SignInAsync(_app.CreateClient(), "ic@demo.test");
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(api.AccessToken));
        Assert.Equal(HttpStatusCode.NoContent,
            (await _app.CreateClient().SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/logout", api.AccessToken))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(api.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(api.RefreshToken));

        // The cookie, copied before signing out and sent again afterwards, opens nothing.
        var jar = new CookieJar();
        var browser = await StaffWeb.CookieClientAsync(_app, "ic@demo.test", jar: jar);
        Assert.Contains("Signed in as", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        var copied = jar.Copy();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffWeb.PostFormAsync(browser, "/logout", [])).StatusCode);
        var page = await StaffWeb.Browser(_app, copied).GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_token_renews_once_and_a_replay_ends_the_session()
    {
        var first = await StaffWeb.SignInAsync(_app.CreateClient(), "manager@demo.test");
        var renewed = await _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var second = (await renewed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(second));

        // The first refresh token again: a stolen copy. The whole session ends, the new token too.
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(first.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(second));
    }

    [Fact]
    public async Task Access_tokens_last_ten_minutes_and_sessions_end_after_30_idle_minutes_or_8_hours()
    {
        var api = await StaffWeb.SignInAsync(_app.CreateClient(), "moderator@demo.test");
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(api.AccessToken));

        // Idle: nothing for 31 minutes, and the refresh token is refused.
        var idle = await StaffWeb.SignInAsync(_app.CreateClient(), "moderator@demo.test");
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(idle.RefreshToken));

        // Busy all day: renewed every 9 minutes, still ended 8 hours after signing in.
        var busy = await StaffWeb.SignInAsync(_app.CreateClient(), "moderator@demo.test");
        var refresh = busy.RefreshToken;
        var started = _clock.GetUtcNow();
        while (_clock.GetUtcNow() - started < TimeSpan.FromHours(8) - TimeSpan.FromMinutes(9))
        {
            _clock.Advance(TimeSpan.FromMinutes(9));
            var renewed = await _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
            Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
            refresh = (await renewed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("refreshToken").GetString()!;
        }

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(refresh));
    }
}
