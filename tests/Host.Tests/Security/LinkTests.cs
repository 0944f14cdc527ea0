using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Complaints.Data;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests.Security;

/// <summary>Links in e-mail and API answers come from App:PublicBaseUrl, never from the Host header (ASVS 5.1, 14.4).</summary>
public sealed class LinkTests
{
    private static object Appeal() => new
    {
        municipality = "demo-township", accountDescription = "The township's Facebook page", subject = "Blocked",
        happenedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), reasonGiven = "None given",
        name = "Pat Resident", email = "pat@example.ca", consent = true,
    };

    [Fact]
    public async Task A_forged_host_header_is_refused_and_links_use_the_public_address_whatever_the_host()
    {
        await using var strict = new GovernanceFactory { PublicBaseUrl = "https://governance.example.ca" };
        var client = strict.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://governance.example.ca") });
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/public/appeals") { Content = JsonContent.Create(Appeal()) };
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);

        // Where an operator allows any host, the link still goes to the public address.
        await using var open = new GovernanceFactory { PublicBaseUrl = "https://governance.example.ca" };
        var anyHost = open.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "*"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/appeals") { Content = JsonContent.Create(Appeal()) };
        request.Headers.Host = "evil.example";
        var filed = await anyHost.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var trackingUrl = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingUrl").GetString()!;
        Assert.StartsWith("https://governance.example.ca/track/", trackingUrl, StringComparison.Ordinal);

        using var scope = anyHost.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var mails = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Set<OutboxMessage>()
            .Where(m => m.Payload.Contains("pat@example.ca")).Select(m => m.Payload).ToListAsync();
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.DoesNotContain("evil.example", m, StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Contains("https://governance.example.ca/track/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_https_public_address_the_sign_in_cookie_is_secure()
    {
        await using var app = new GovernanceFactory { PublicBaseUrl = "https://localhost" };
        var jar = new CookieJar();
        await StaffWeb.CookieClientAsync(app, "clerk@demo.test", jar: jar);
        // Over https the name carries the __Host- prefix: no neighbouring subdomain can plant it.
        var auth = Assert.Single(jar.SetCookies, c => c.StartsWith("__Host-governance.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.All(jar.SetCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
