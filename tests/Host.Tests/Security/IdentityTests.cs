using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Accounts;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Audit;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests.Security;

/// <summary>Who can become staff, sign in, and change an account (ASVS 2.1, 2.2, 2.5, 4.1).</summary>
public sealed class IdentityTests(QuietMailHost host) : IClassFixture<QuietMailHost>, IAsyncLifetime
{
    private readonly GovernanceFactory _app = host.App;

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<T> InDbAsync<T>(Func<AccountsDbContext, Task<T>> read)
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await read(scope.ServiceProvider.GetRequiredService<AccountsDbContext>());
    }

    private Task<List<string>> MailTo(string address) => InDbAsync(db => db.Set<OutboxMessage>()
        .Where(m => m.Payload.Contains(address)).Select(m => m.Payload).ToListAsync());

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/register/")]
    [InlineData("/api/auth/Register/")]
    [InlineData("/api/auth/REGISTER")]
    public async Task Nobody_can_register_a_staff_account(string path)
    {
        var users = await InDbAsync(db => db.Users.CountAsync());
        var response = await _app.CreateClient().PostAsJsonAsync(path, new { email = "me@example.test", password = "Aa1!aaaaaaaaaa" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(users, await InDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = "me@example.test", password = "Aa1!aaaaaaaaaa" })).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_a_role_and_a_municipality_opens_nothing()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True((await users.CreateAsync(new StaffUser { UserName = "bare@demo.test", Email = "bare@demo.test", DisplayName = "Bare", EmailConfirmed = true },
                GovernanceFactory.Password)).Succeeded);
        }

        var api = _app.CreateClient();
        var tokens = await StaffWeb.SignInAsync(api, "bare@demo.test");
        foreach (var path in new[] { "/api/municipalities", "/api/cases", "/api/accounts", "/api/policies/documents", "/api/auth/manage/info" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.SendAsync(StaffWeb.Bearer(HttpMethod.Get, path, tokens.AccessToken))).StatusCode);
        }

        var browser = await StaffWeb.CookieClientAsync(_app, "bare@demo.test");
        foreach (var page in new[] { "/cases", "/accounts", "/policies/catalogue", "/elections/my", "/account" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sign_in_does_the_same_work_and_gives_the_same_answer_for_unknown_and_real_accounts()
    {
        var hasher = _app.Services.CreateScope().ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>();
        var client = _app.CreateClient();
        var real = await client.PostAsJsonAsync("/api/auth/login", new { email = "clerk@demo.test", password = "Wrong-Password-1!" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@demo.test", password = "Wrong-Password-1!" });
        Assert.Equal(real.StatusCode, unknown.StatusCode);
        static async Task<string> AnswerAsync(HttpResponseMessage r)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject();
            json.Remove("traceId");
            return json.ToJsonString();
        }

        Assert.Equal(await AnswerAsync(real), await AnswerAsync(unknown));

        // Both checked a password hash (the unknown one against a decoy): the answer takes as long either way.
        var counting = new CountingHasher(hasher);
        await using var counted = _app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(counting)));
        foreach (var email in new[] { "clerk@demo.test", "nobody@demo.test" })
        {
            counting.Verified = 0;
            await counted.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Password-1!" });
            Assert.Equal(1, counting.Verified);
        }

        // Each failure is a security event, with the address it came from.
        var events = await InDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "security.sign-in.failed").Select(e => e.RecordId).ToListAsync());
        Assert.Contains("clerk@demo.test", events);
        Assert.Contains("nobody@demo.test", events);
    }

    [Fact]
    public async Task Changing_the_sign_in_address_needs_the_password_and_a_link_to_the_new_address_and_tells_the_old_one()
    {
        var client = _app.CreateClient();
        var tokens = await StaffWeb.SignInAsync(client, "member@demo.test");

        // The old Identity endpoint took a bearer token alone.
        var old = await client.SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/info", tokens.AccessToken, new { newEmail = "evil@example.test" }));
        Assert.True(old.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{old.StatusCode}");
        var noPassword = await client.SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/email", tokens.AccessToken, new { newEmail = "evil@example.test" }));
        Assert.Equal(HttpStatusCode.BadRequest, noPassword.StatusCode);
        var wrong = await client.SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/email", tokens.AccessToken,
            new { newEmail = "evil@example.test", currentPassword = "Wrong-Password-1!" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Empty(await MailTo("evil@example.test"));

        var asked = await client.SendAsync(StaffWeb.Bearer(HttpMethod.Post, "/api/auth/manage/email", tokens.AccessToken,
            new { newEmail = "member.new@demo.test", currentPassword = GovernanceFactory.Password }));
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal("member@demo.test", await InDbAsync(db => db.Users.Where(u => u.Email!.StartsWith("member")).Select(u => u.Email!).SingleAsync()));
        Assert.Contains(await MailTo("member@demo.test"), m => m.Contains("asked", StringComparison.Ordinal));

        // The link in the new address's mail, built on the configured public address.
        var link = Assert.Single(await MailTo("member.new@demo.test"));
        link = JsonDocument.Parse(link).RootElement.EnumerateObject().Single(p => p.Name.Equals("body", StringComparison.OrdinalIgnoreCase)).Value.GetString()!;
        var url = new Uri(link[link.IndexOf("http://localhost/account/confirm-email", StringComparison.Ordinal)..].Split('\n')[0].Trim());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        var confirmed = await client.PostAsJsonAsync("/api/auth/confirmEmail",
            new { userId = query["user"].ToString(), email = query["email"].ToString(), code = query["code"].ToString() });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(StaffWeb.Bearer(HttpMethod.Get, "/api/auth/manage/info", tokens.AccessToken))).StatusCode);
        await StaffWeb.SignInAsync(client, "member.new@demo.test");
        Assert.Contains(await MailTo("member@demo.test"), m => m.Contains("now signs in with member.new@demo.test", StringComparison.Ordinal));
        Assert.True(await InDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "security.email.changed")));
    }

    [Fact]
    public async Task Password_reset_and_confirmation_mails_are_limited_per_account()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var asked = await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email = "clerk@demo.test" });
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        Assert.Equal(3, (await MailTo("clerk@demo.test")).Count(m => m.Contains("reset", StringComparison.OrdinalIgnoreCase)));
        Assert.True(await InDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "security.account-mail.limited")));

        // The answer is the same for an address without an account.
        var unknown = await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email = "nobody@demo.test" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task Only_the_integrity_commissioner_makes_someone_the_ic_or_an_investigator_and_never_a_member()
    {
        var admin = await _app.ClientForAsync("admin@demo.test");
        var ic = await _app.ClientForAsync("ic@demo.test");
        var staff = await admin.GetFromJsonAsync<JsonElement>("/api/staff");
        Guid Id(string email) => staff.EnumerateArray().Single(s => s.GetProperty("email").GetString() == email).GetProperty("id").GetGuid();
        var moderator = Id("moderator@demo.test");
        var member = Id("member@demo.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/staff/{moderator}/roles", new { roles = new[] { "IntegrityCommissioner" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/staff", new
        {
            email = "new.ic@demo.test", displayName = "New IC", password = "Strong-Password-1!", roles = new[] { "IntegrityCommissioner" },
            municipalityIds = new[] { AccountsModule.DemoMunicipalityId },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ic.PutAsJsonAsync($"/api/staff/{member}/roles", new { roles = new[] { "Member", "Investigator" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ic.PutAsJsonAsync($"/api/staff/{moderator}/roles", new { roles = new[] { "Clerk" } })).StatusCode);

        // The moderator's sign-in ends with the change; the IC is told; it is audited.
        var moderatorTokens = await StaffWeb.SignInAsync(_app.CreateClient(), "moderator@demo.test");
        var changed = await ic.PutAsJsonAsync($"/api/staff/{moderator}/roles", new { roles = new[] { "Moderator", "Investigator" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await _app.CreateClient().SendAsync(StaffWeb.Bearer(HttpMethod.Get, "/api/auth/manage/info", moderatorTokens.AccessToken))).StatusCode);
        Assert.Contains(await MailTo("ic@demo.test"), m => m.Contains("Investigator,Moderator", StringComparison.Ordinal));
        Assert.True(await InDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "staff.roles-changed")));
        Assert.True(await InDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "security.roles.change-refused")));
    }

    private sealed class CountingHasher(IPasswordHasher<StaffUser> inner) : IPasswordHasher<StaffUser>
    {
        public int Verified { get; set; }

        public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Verified++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Mail stays in the outbox during a test: a delivered link or code is cleared from it (sensitive mail).</summary>
public sealed class QuietMailHost : SharedHost
{
    protected override GovernanceFactory Create() => new() { PollSeconds = 3600 };
}
