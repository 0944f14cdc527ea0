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
        using var client = new HttpClient { BaseAddress = host };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        await EnsureAsync(response, $"sign-in of {email}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> ApiAsync(Uri host, string email)
    {
        var client = new HttpClient { BaseAddress = host };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(host, email));
        return client;
    }

    /// <summary>Signs in through the /login form and returns the Cookie header the browser would send.</summary>
    public static async Task<string> CookieAsync(Uri host, string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = host };
        var form = await client.GetStringAsync("/login");
        var token = Antiforgery().Match(form) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token.");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Cookie sign-in of {email} failed: {(int)response.StatusCode}.");
        }

        // The sign-in cookie may be split into chunks when the user serves many municipalities.
        return string.Join("; ", cookies.GetCookies(host).Select(c => $"{c.Name}={c.Value}"));
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
