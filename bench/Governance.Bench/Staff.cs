using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.Bench;

/// <summary>Signs staff in the two ways the host offers: a bearer token for the API, the cookie for pages.</summary>
internal static partial class Staff
{
    public const string Password = "Bench-Password-2026!";

    public static async Task<string> TokenAsync(Uri host, string email)
    {
        using var client = ViaProxy(new HttpClient { BaseAddress = host });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        await EnsureAsync(response, $"sign-in of {email}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> ApiAsync(Uri host, string email)
    {
        var client = ViaProxy(new HttpClient { BaseAddress = host });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(host, email));
        return client;
    }

    /// <summary>Signs in through the /login form and returns the Cookie header the browser would send.</summary>
    /// <remarks>Cookies kept by hand: they are Secure, and the bench talks plain HTTP to the host behind its "proxy".</remarks>
    public static async Task<string> CookieAsync(Uri host, string email)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = ViaProxy(new HttpClient(handler) { BaseAddress = host });
        async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }

            return response;
        }

        var form = await (await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/login"))).Content.ReadAsStringAsync();
        var token = Antiforgery().Match(form) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token.");
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = token,
            }),
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Cookie sign-in of {email} failed: {(int)response.StatusCode}.");
        }

        // The sign-in cookie may be split into chunks when the user serves many municipalities.
        return string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
    }

    /// <summary>
    /// Requests as the TLS proxy in front of a Production host sends them: from loopback, saying the client used https
    /// (so Secure cookies and antiforgery work on the plain loopback connection).
    /// </summary>
    public static HttpClient ViaProxy(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
