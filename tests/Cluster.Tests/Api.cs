using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Cluster.Tests;

/// <summary>The HTTP calls the cluster tests make, as a resident's browser and staff API clients would.</summary>
internal static class Api
{
    /// <summary>A bearer token for a demo staff user, from whichever host is asked.</summary>
    public static async Task<string> LoginAsync(HostProcess host, string email)
    {
        using var client = host.Client();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Cluster.Password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{email} could not sign in on {host.Name}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public static HttpClient Staff(HostProcess host, string token)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A resident's appeal; <paramref name="submissionId"/> is the form's one-time id.</summary>
    public static Task<HttpResponseMessage> FileAppealAsync(HttpClient client, Guid submissionId, CancellationToken ct = default)
        => client.PostAsJsonAsync("/api/public/appeals", new
        {
            municipality = "demo-township",
            accountDescription = "Demo Township Facebook page",
            subject = "PostDeleted",
            happenedOn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"),
            contentPosted = "When does the library reopen?",
            grounds = new[] { "disability" },
            name = "Robin Resident",
            email = $"resident-{submissionId:N}@example.ca",
            consent = true,
            submissionId,
        }, ct);

    /// <summary>Files an appeal and returns its reference.</summary>
    public static async Task<string> FileAppealAsync(HostProcess host)
    {
        using var client = host.Client();
        var response = await FileAppealAsync(client, Guid.NewGuid());
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created,
            $"filing on {host.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReferenceAsync(response);
    }

    public static async Task<string> ReferenceAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;

    /// <summary>The intake step these tests race: the social media team asks the resident for more information.</summary>
    public const string Step = "request_information";

    public static readonly object StepBody = new { messageToResident = "Please send a screenshot of your comment." };

    /// <summary>The staff API's workflow step: <c>POST /api/cases/{reference}/actions/{action}</c>.</summary>
    public static Task<HttpResponseMessage> ActAsync(HttpClient staff, string reference, string action, object? body = null,
        CancellationToken ct = default)
        => staff.PostAsJsonAsync($"/api/cases/{reference}/actions/{action}", body ?? new { }, ct);
}
