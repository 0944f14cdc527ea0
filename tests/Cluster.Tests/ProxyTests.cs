using System.Net;
using System.Net.Http.Json;

namespace Governance.Cluster.Tests;

/// <summary>
/// The documented deployment, as a real host process in Production behind a TLS proxy (here: requests from
/// loopback carrying X-Forwarded-* headers): links, cookies, HSTS and rate limits follow the real client and the
/// configured public address (ASVS 3.4, 14.4, 11.1.4).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ProxyTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"governance-proxy-{Guid.NewGuid():N}");

    private Dictionary<string, string> Settings(string? publicBaseUrl) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage:DataFolder"] = _data,
        ["App:PublicBaseUrl"] = publicBaseUrl ?? "",
        ["RateLimits:PublicFormsPerHour"] = "2",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Governance.Testing.TestFolders.TryDelete(_data);
        return Task.CompletedTask;
    }

    private static HttpRequestMessage ViaProxy(HttpMethod method, string path, string client, string host = "governance.example.ca")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", client);
        return request;
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_public_address()
    {
        await using var host = HostProcess.Start("no-address", Settings(null));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!host.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(host.HasExited, "the host kept running without App:PublicBaseUrl");
        Assert.Contains("App:PublicBaseUrl", host.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_tls_proxy_cookies_are_secure_hsts_is_sent_and_limits_count_each_real_client()
    {
        await using var host = HostProcess.Start("behind-proxy", Settings("https://governance.example.ca"));
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var client = host.Client();

        var login = await client.SendAsync(ViaProxy(HttpMethod.Get, "/login", "203.0.113.5"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(login.Headers.Contains("Strict-Transport-Security"), "HSTS on an https request");
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(login.Headers.Contains("Server"), "no Server banner");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(ViaProxy(HttpMethod.Get, "/login", "203.0.113.5", "evil.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal("{\"status\":\"Healthy\"}", await client.GetStringAsync("/health/ready"));

        // The limit of 2 filings an hour applies to each resident behind the proxy, not to the proxy's one address.
        async Task<HttpStatusCode> FileAsync(string from)
        {
            var request = ViaProxy(HttpMethod.Post, "/api/public/appeals", from);
            request.Content = JsonContent.Create(new { municipality = "nowhere" });
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await FileAsync("203.0.113.5"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await FileAsync("203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FileAsync("203.0.113.5"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await FileAsync("203.0.113.6"));
    }
}
