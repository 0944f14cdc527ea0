using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

public sealed class PoliciesApiTests(SharedHost host) : IClassFixture<SharedHost>, IAsyncLifetime
{
    private static readonly Guid Demo = AccountsModule.DemoMunicipalityId;
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every element the house rules must cover, each with a section: enough to publish.</summary>
    internal static Dictionary<string, string> FullCoverage() => new[]
    {
        "content_scope", "resources_disclosure", "open_to_replies", "service_requests_privacy", "removal_rules", "blocking_rules",
        "complaint_and_restore", "prohibited_content_list", "right_to_remove", "endorsement_disclaimer",
        "not_for_formal_complaints", "monitoring_hours", "privacy_warning",
    }.ToDictionary(c => c, c => $"Section about {c}");

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_new_municipality_starts_with_the_default_catalogues_and_ontario_holidays()
    {
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var rules = await clerk.GetFromJsonAsync<JsonElement>($"/api/policies/rules?municipalityId={Demo}");
        Assert.Equal(16, rules.GetArrayLength());
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("code").GetString() == "spam_flooding");
        var articles = await clerk.GetFromJsonAsync<JsonElement>($"/api/policies/articles?municipalityId={Demo}");
        Assert.Contains(articles.EnumerateArray(), a => a.GetProperty("number").GetString() == "14"
            && a.GetProperty("title").GetString() == "Discreditable Conduct");
        var level = await clerk.GetFromJsonAsync<JsonElement>($"/api/policies/municipalities/{Demo}/service-level");
        Assert.Equal("08:30:00", level.GetProperty("opens").GetString());
        Assert.Equal(8, level.GetProperty("responseTargetHours").GetInt32());
        Assert.True(level.GetProperty("holidays").GetArrayLength() >= 20); // this year and next
    }

    [Fact]
    public async Task House_rules_publish_only_when_complete_and_a_published_version_never_changes()
    {
        var manager = await _app.ClientForAsync("manager@demo.test");
        var created = await manager.PostAsJsonAsync("/api/policies/documents", new { municipalityId = Demo, title = "Demo Township house rules" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await Json(created);
        var versionId = draft.GetProperty("id").GetGuid();
        var documentId = draft.GetProperty("documentId").GetGuid();
        var today = GovernanceFactory.TodayInToronto();

        // Text but no coverage marked: publishing names what is missing and changes nothing.
        await manager.PutAsJsonAsync($"/api/policies/versions/{versionId}", new { body = "Be kind. We remove spam.", coverage = new Dictionary<string, string>() });
        var refused = await manager.PostAsJsonAsync($"/api/policies/versions/{versionId}/publish", new { effectiveFrom = today });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("(c)(iv) Blocking", (await Json(refused)).GetProperty("errors").GetProperty("coverage")[0].GetString(), StringComparison.Ordinal);

        var past = await manager.PostAsJsonAsync($"/api/policies/versions/{versionId}/publish", new { effectiveFrom = today.AddDays(-1) });
        Assert.True((await Json(past)).GetProperty("errors").TryGetProperty("effectiveFrom", out _));

        var saved = await manager.PutAsJsonAsync($"/api/policies/versions/{versionId}", new { body = "Our full house rules.", coverage = FullCoverage() });
        Assert.Empty((await Json(saved)).GetProperty("missing").EnumerateArray());
        var published = await manager.PostAsJsonAsync($"/api/policies/versions/{versionId}/publish", new { effectiveFrom = today });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var edit = await manager.PutAsJsonAsync($"/api/policies/versions/{versionId}", new { body = "Changed after publishing", coverage = FullCoverage() });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);

        // A change is a new version; the public page keeps showing the one in force.
        var next = await Json(await manager.PostAsync($"/api/policies/documents/{documentId}/versions", null));
        Assert.Equal(2, next.GetProperty("number").GetInt32());
        Assert.Equal("Our full house rules.", next.GetProperty("body").GetString());
        var nextId = next.GetProperty("id").GetGuid();
        await manager.PutAsJsonAsync($"/api/policies/versions/{nextId}", new { body = "Version two.", coverage = FullCoverage() });
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/policies/versions/{nextId}/publish", new { effectiveFrom = today.AddDays(7) })).StatusCode);

        var publicPage = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/public/municipalities/demo-township/house-rules/{documentId}");
        Assert.Equal(1, publicPage.GetProperty("version").GetInt32());
        Assert.Equal("Our full house rules.", publicPage.GetProperty("body").GetString());
        Assert.Equal(2, publicPage.GetProperty("history").GetArrayLength());

        using var scope = _app.Services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IPolicyCatalog>();
        Assert.Equal(1, (await catalog.HouseRulesInForceAsync(Demo, null, today, CancellationToken.None))!.Number);
        Assert.Equal(2, (await catalog.HouseRulesInForceAsync(Demo, null, today.AddDays(8), CancellationToken.None))!.Number);
        Assert.Null(await catalog.HouseRulesInForceAsync(Demo, null, today.AddDays(-1), CancellationToken.None));
    }

    [Fact]
    public async Task Only_an_administrator_may_publish_with_elements_missing_and_must_say_why()
    {
        var manager = await _app.ClientForAsync("manager@demo.test");
        var admin = await _app.ClientForAsync("admin@demo.test");
        var draft = await Json(await manager.PostAsJsonAsync("/api/policies/documents", new { municipalityId = Demo, title = "Interim rules" }));
        var id = draft.GetProperty("id").GetGuid();
        await manager.PutAsJsonAsync($"/api/policies/versions/{id}", new { body = "Interim text.", coverage = new Dictionary<string, string> { ["content_scope"] = "Intro" } });
        var today = GovernanceFactory.TodayInToronto();

        var byManager = await manager.PostAsJsonAsync($"/api/policies/versions/{id}/publish", new { effectiveFrom = today, overrideReason = "urgent" });
        Assert.True((await Json(byManager)).GetProperty("errors").TryGetProperty("overrideReason", out _));

        var byAdmin = await admin.PostAsJsonAsync($"/api/policies/versions/{id}/publish",
            new { effectiveFrom = today, overrideReason = "Council asked for interim rules during the election; full text in two weeks." });
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.StartsWith("Council asked", (await Json(byAdmin)).GetProperty("overrideReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_acknowledge_the_version_and_the_clerk_sees_who_has_not()
    {
        var manager = await _app.ClientForAsync("manager@demo.test");
        var draft = await Json(await manager.PostAsJsonAsync("/api/policies/documents", new { municipalityId = Demo, title = "Social media policy" }));
        var id = draft.GetProperty("id").GetGuid();
        await manager.PutAsJsonAsync($"/api/policies/versions/{id}", new { body = "Policy text.", coverage = FullCoverage() });
        var unpublished = await manager.PostAsJsonAsync($"/api/policies/versions/{id}/acknowledgements",
            new { name = "Sam Manager", position = "Manager", department = "Communications", signature = "Sam Manager", signedOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        Assert.Equal(HttpStatusCode.Conflict, unpublished.StatusCode);
        await manager.PostAsJsonAsync($"/api/policies/versions/{id}/publish", new { effectiveFrom = GovernanceFactory.TodayInToronto() });

        var member = await _app.ClientForAsync("member@demo.test");
        var empty = await member.PostAsJsonAsync($"/api/policies/versions/{id}/acknowledgements", new { name = "", position = "", department = "", signature = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await Json(empty)).GetProperty("errors");
        Assert.Equal("Type your name as your signature.", errors.GetProperty("signature")[0].GetString());

        var signed = await member.PostAsJsonAsync($"/api/policies/versions/{id}/acknowledgements",
            new { name = "Max Member", position = "Councillor, Ward 2", department = "Council", signature = "Max Member", signedOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsJsonAsync($"/api/policies/versions/{id}/acknowledgements",
            new { name = "Max Member", position = "Councillor", department = "Council", signature = "Max Member", signedOn = DateOnly.FromDateTime(DateTime.UtcNow) })).StatusCode);

        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var status = await clerk.GetFromJsonAsync<JsonElement>($"/api/policies/versions/{id}/acknowledgements");
        Assert.Equal(["Max Member"], status.GetProperty("acknowledged").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var notYet = status.GetProperty("notYet").EnumerateArray().Select(s => s.GetProperty("email").GetString()).ToList();
        Assert.Contains("clerk@demo.test", notYet);
        Assert.DoesNotContain("member@demo.test", notYet);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/policies/versions/{id}/acknowledgements")).StatusCode);
    }

    [Fact]
    public async Task A_deadline_preview_shows_how_it_was_computed()
    {
        var clerk = await _app.ClientForAsync("clerk@demo.test");
        var deadline = await clerk.GetFromJsonAsync<JsonElement>(
            $"/api/policies/municipalities/{Demo}/deadline?start=2026-06-26T19:00:00Z&businessDays=5");
        Assert.Equal(new DateTimeOffset(2026, 7, 6, 20, 30, 0, TimeSpan.Zero), deadline.GetProperty("due").GetDateTimeOffset());
        Assert.Contains(deadline.GetProperty("steps").EnumerateArray(), s => s.GetString()!.Contains("Canada Day", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await clerk.GetAsync($"/api/policies/municipalities/{Demo}/deadline?businessDays=5&businessHours=3")).StatusCode);
    }

    [Fact]
    public async Task Another_municipalitys_policies_are_invisible()
    {
        var manager = await _app.ClientForAsync("manager@demo.test");
        var draft = await Json(await manager.PostAsJsonAsync("/api/policies/documents", new { municipalityId = Demo, title = "Demo rules" }));
        var (otherId, otherClerk) = await _app.AddOtherMunicipalityAsync();
        var other = await _app.ClientForAsync(otherClerk);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/policies/documents/{draft.GetProperty("documentId").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/policies/versions/{draft.GetProperty("id").GetGuid()}", new { body = "hijack" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsJsonAsync("/api/policies/documents", new { municipalityId = Demo, title = "Not mine" })).StatusCode);
        Assert.Equal(16, (await other.GetFromJsonAsync<JsonElement>($"/api/policies/rules?municipalityId={otherId}")).GetArrayLength());
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"/api/policies/rules?municipalityId={Demo}")).GetArrayLength());
    }
}
