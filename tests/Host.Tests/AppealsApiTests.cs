using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Complaints.Data;
using Governance.Platform.Audit;
using Governance.Platform.Outbox;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

public sealed class AppealsApiTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private readonly GovernanceFactory _app = host.App;
    private HttpClient _public = null!;

    public async Task InitializeAsync()
    {
        await host.ResetAsync();
        _public = _app.CreateClient();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Appeal(string? email = "resident@example.ca", object? submissionId = null, string? website = null,
        string? date = null, bool consent = true, object? accountId = null, string? accountDescription = "Demo Township Facebook page",
        string municipality = "demo-township") => new
    {
        municipality, accountId, accountDescription, subject = "PostDeleted",
        happenedOn = date ?? DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"),
        contentPosted = "Why is the library closing early? <script>alert('x')</script>", reasonGiven = "None given",
        grounds = new[] { "disability" }, name = "Robin Resident", email, consent, website, submissionId,
    };

    private async Task<int> CasesAsync()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Cases.CountAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string Token(string trackingUrl) => trackingUrl[(trackingUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..];

    [Fact]
    public async Task A_resident_files_an_appeal_and_gets_a_reference_a_private_link_and_an_email()
    {
        var response = await _public.PostAsJsonAsync("/api/public/appeals", Appeal());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await Json(response);
        var reference = filed.GetProperty("reference").GetString()!;
        Assert.Matches(@"^APL-\d{4}-000001$", reference);
        var trackingUrl = filed.GetProperty("trackingUrl").GetString()!;
        Assert.Contains($"/track/{reference}?token=", trackingUrl, StringComparison.Ordinal);
        Assert.True(Token(trackingUrl).Length >= 40, "the token is long and random");

        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var stored = await db.Cases.Include(c => c.Appeal).SingleAsync();
        Assert.NotEqual(Token(trackingUrl), stored.TrackingTokenHash);
        Assert.Equal("disability", stored.Appeal!.Grounds);
        Assert.Equal("intake", (await db.Set<WorkflowInstance>().SingleAsync(i => i.CorrelationId == reference)).Stage);
        var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.Kind == OutboxKind.Mail);
        Assert.Contains(reference, mail.Payload, StringComparison.Ordinal);
        // The link is in the outbox until the mail is sent (the scheduler may already have sent it), then cleared.
        Assert.Equal(mail.ProcessedAt is null, mail.Payload.Contains(Token(trackingUrl), StringComparison.Ordinal));
        Assert.Equal("appeal.filed", (await db.Set<AuditEntry>().SingleAsync(a => a.RecordId == reference)).Action);

        var view = await _public.GetFromJsonAsync<JsonElement>($"/api/public/cases/{reference}?token={Token(trackingUrl)}");
        Assert.Equal("Received – being checked", view.GetProperty("stage").GetString());
        Assert.Equal("We received your appeal.", view.GetProperty("timeline")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Evidence_is_checked_by_content_and_bad_input_stores_nothing()
    {
        MultipartFormDataContent Form(byte[] file)
        {
            var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(Appeal())), "data" } };
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "evidence", "../../screenshot.png");
            return form;
        }

        Assert.Equal(HttpStatusCode.Created, (await _public.PostAsync("/api/public/appeals", Form(AccountsApiTests.Png))).StatusCode);
        var exe = await _public.PostAsync("/api/public/appeals", Form("MZ\u0090\0 not an image"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.True((await Json(exe)).GetProperty("errors").TryGetProperty("evidence", out _));

        var bad = new (object Body, string Field)[]
        {
            (Appeal(email: null), "email"),
            (Appeal(email: "not-an-email"), "email"),
            (Appeal(consent: false), "consent"),
            (Appeal(date: DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd")), "happenedOn"),
            (Appeal(municipality: "nowhere"), "municipality"),
            (Appeal(accountId: Guid.NewGuid()), "accountId"),
            (Appeal(accountDescription: null), "accountDescription"),
            (Appeal(website: "http://spam.example"), ""),
        };
        foreach (var (body, field) in bad)
        {
            var response = await _public.PostAsJsonAsync("/api/public/appeals", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await _public.PostAsync("/api/public/appeals", new StringContent("municipality=demo-township"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _public.PostAsync("/api/public/appeals",
            new StringContent("{\"municipality\": ", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(1, await CasesAsync());
    }

    [Fact]
    public async Task Another_municipalitys_account_cannot_be_appealed_here()
    {
        var manager = await _app.ClientForAsync("manager@demo.test");
        var (_, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var demoAccount = await manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = AccountsModule.DemoMunicipalityId, platform = "Facebook", handle = "@Demo", profileUrl = "https://facebook.com/demo",
            owner = "Municipality", ownerName = "Demo Township", purpose = "News", responsibleName = "Sam", responsibleEmail = "manager@demo.test",
        });
        var accountId = (await Json(demoAccount)).GetProperty("id").GetGuid();
        _ = otherClerk;

        var wrongTown = await _public.PostAsJsonAsync("/api/public/appeals", Appeal(accountId: accountId, municipality: "other-town"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongTown.StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await _public.PostAsJsonAsync("/api/public/appeals", Appeal(accountId: accountId, accountDescription: null))).StatusCode);
        var search = await _public.GetFromJsonAsync<JsonElement>("/api/public/municipalities/demo-township/accounts?q=demo");
        Assert.Equal("@Demo", search[0].GetProperty("handle").GetString());
    }

    [Fact]
    public async Task Pressing_submit_twice_files_one_appeal()
    {
        var submission = Guid.NewGuid();
        var first = await _public.PostAsJsonAsync("/api/public/appeals", Appeal(submissionId: submission));
        var second = await _public.PostAsJsonAsync("/api/public/appeals", Appeal(submissionId: submission));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await Json(first)).GetProperty("trackingUrl").GetString(), (await Json(second)).GetProperty("trackingUrl").GetString());
        Assert.Equal(1, await CasesAsync());
    }

    [Fact]
    public async Task Appeals_filed_at_the_same_moment_get_distinct_numbers()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _public.PostAsJsonAsync("/api/public/appeals", Appeal())));
        var references = await Task.WhenAll(responses.Select(async r => (await Json(r)).GetProperty("reference").GetString()!));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(8, references.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"{n:D6}"), references.Select(r => r[^6..]).Order());
    }

    [Fact]
    public async Task The_tracking_link_works_only_with_its_token_and_lets_the_resident_add_information_and_withdraw()
    {
        var filed = await Json(await _public.PostAsJsonAsync("/api/public/appeals", Appeal()));
        var reference = filed.GetProperty("reference").GetString()!;
        var token = Token(filed.GetProperty("trackingUrl").GetString()!);

        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/public/cases/{reference}?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/public/cases/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/public/cases/APL-2026-999999?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/public/cases/..%2F..%2Fetc?token={token}")).StatusCode);

        var info = await _public.PostAsJsonAsync($"/api/public/cases/{reference}/information?token={token}",
            new { information = "The comment was posted at 7:42 p.m." });
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        // Received, "you sent more information", and what they sent (the resident sees what the parties see).
        Assert.Equal(3, (await Json(info)).GetProperty("timeline").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await _public.PostAsJsonAsync($"/api/public/cases/{reference}/information?token={token}",
            new { information = "" })).StatusCode);

        var withdrawn = await _public.PostAsync($"/api/public/cases/{reference}/withdraw?token={token}", null);
        Assert.Equal("Withdrawn", (await Json(withdrawn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _public.PostAsync($"/api/public/cases/{reference}/withdraw?token={token}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _public.PostAsJsonAsync($"/api/public/cases/{reference}/information?token={token}",
            new { information = "late" })).StatusCode);

        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var instance = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Set<WorkflowInstance>()
            .SingleAsync(i => i.CorrelationId == reference);
        Assert.Equal(WorkflowStatus.Cancelled, instance.Status);
    }

    [Fact]
    public async Task Too_many_submissions_from_one_address_are_refused_politely()
    {
        await using var limited = new GovernanceFactory { RateLimit = 2 };
        var client = limited.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/public/appeals", Appeal())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/public/appeals", Appeal())).StatusCode);
        var third = await client.PostAsJsonAsync("/api/public/appeals", Appeal());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
    }
}
