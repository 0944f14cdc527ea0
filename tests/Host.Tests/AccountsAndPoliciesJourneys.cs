using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Accounts;
using Microsoft.Playwright;

namespace Governance.Host.Tests;

/// <summary>The main journeys of managers and moderators, in a real browser, with axe on every page.</summary>
[Trait("Category", "Slow")]
public sealed partial class AccountsAndPoliciesJourneys : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public AccountsAndPoliciesJourneys(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_manager_registers_an_account_and_classifies_it()
    {
        var page = await _browser.PageAsync("manager@demo.test");
        await Browser.VisitAsync(page, "/accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register an account" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);

        // Bad input: messages beside the fields, nothing stored.
        await page.GetByLabel("Handle").FillAsync("<script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#handle-error")).ToContainTextAsync("letters, digits");
        await Assertions.Expect(page.Locator("#purpose-error")).ToHaveTextAsync("Say what the account is for.");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Platform").SelectOptionAsync(new SelectOptionValue { Label = "X" });
        await page.GetByLabel("Handle").FillAsync("@CllrMaxMember");
        await page.GetByLabel("Profile address").FillAsync("https://x.com/CllrMaxMember");
        await page.GetByLabel("Whose account is it?").SelectOptionAsync(new SelectOptionValue { Label = "Member" });
        await page.GetByLabel("Owner's name").FillAsync("Councillor Max Member");
        await page.GetByLabel("What is the account for?").FillAsync("Ward news and events");
        await page.GetByLabel("Person responsible").FillAsync("Max Member");
        await page.GetByLabel("Their e-mail").FillAsync("member@demo.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("@CllrMaxMember");
        await Browser.AssertAccessibleAsync(page);

        // The official-account test: the bio shows "Councillor".
        var titleQuestion = page.GetByRole(AriaRole.Group, new() { NameRegex = TitleQuestion() });
        await titleQuestion.GetByLabel("Yes").CheckAsync();
        await titleQuestion.GetByLabel("Note or where the evidence is (optional)").FillAsync("Bio reads 'Councillor, Ward 2'");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save facts and classify" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("reclassified");
        await Assertions.Expect(page.Locator("#classification")).ToHaveTextAsync("Official");
        await Assertions.Expect(page.Locator("#classification-explanation")).ToContainTextAsync("official_title");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Last.Locator("tbody tr")).ToHaveCountAsync(2);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_moderator_logs_a_block_with_a_screenshot()
    {
        var account = await RegisterAccountAsync("@DemoTownshipNews");
        var page = await _browser.PageAsync("moderator@demo.test");
        await Browser.VisitAsync(page, $"/accounts/{account}/moderation");

        await page.GetByLabel("What was done").SelectOptionAsync(new SelectOptionValue { Label = "Blocked" });
        await page.GetByLabel("The person's user name or handle").FillAsync("@angry_resident");
        await page.GetByLabel("The content, exactly as posted").FillAsync("I know where the clerk lives. Watch out.");
        await page.GetByLabel("House rule relied on").SelectOptionAsync(new SelectOptionValue { Label = "Threats or abusive language" });
        await page.GetByLabel("This is a credible threat").CheckAsync();
        await page.GetByLabel("Screenshots or PDF (PNG, JPEG, WebP or PDF, up to 10 MB each)").SetInputFilesAsync(
            new FilePayload { Name = "threat.png", MimeType = "image/png", Buffer = AccountsApiTests.Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the action" }).ClickAsync();

        await Assertions.Expect(page.Locator("#recorded")).ToHaveTextAsync("The action is logged.");
        await Assertions.Expect(page.Locator("#active-blocks")).ToContainTextAsync("@angry_resident");
        await Assertions.Expect(page.Locator("#actions")).ToContainTextAsync("threat.png");
        await Browser.AssertAccessibleAsync(page);

        // Reviewed and kept: the next review date is set from the block register.
        await page.GetByLabel("Next review of the block of @angry_resident").FillAsync(DateTime.Today.AddDays(60).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Set review date for @angry_resident" }).ClickAsync();
        await Assertions.Expect(page.Locator("#active-blocks")).ToContainTextAsync(DateTime.Today.AddDays(60).ToString("d MMM yyyy"));

        // The same kind of block without threat or earlier violations asks for a reason, beside the field.
        await page.GetByLabel("What was done").SelectOptionAsync(new SelectOptionValue { Label = "Blocked" });
        await page.GetByLabel("The person's user name or handle").FillAsync("@critic");
        await page.GetByLabel("The content, exactly as posted").FillAsync("Council wasted our money again.");
        await page.GetByLabel("House rule relied on").SelectOptionAsync(new SelectOptionValue { Label = "Disagreement or criticism (not a rule – will be flagged)" });
        await page.GetByLabel("Screenshots or PDF (PNG, JPEG, WebP or PDF, up to 10 MB each)").SetInputFilesAsync(
            new FilePayload { Name = "critic.png", MimeType = "image/png", Buffer = AccountsApiTests.Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the action" }).ClickAsync();
        await Assertions.Expect(page.Locator("#justification-error")).ToContainTextAsync("needs a written justification");
        await Browser.AssertAccessibleAsync(page);

        await Browser.VisitAsync(page, $"/moderation/triage?account={account}");
        await page.GetByLabel("It contains abuse or threats (hate, violence, sexual content, defamatory attacks)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest an action" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suggested: Delete" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        var visitor = await _browser.PageAsync();
        await Browser.VisitAsync(visitor, $"/transparency/demo-township/{account}");
        await Assertions.Expect(visitor.GetByText("Threats or abusive language")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("@angry_resident")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_manager_publishes_house_rules_and_staff_acknowledge_them()
    {
        var page = await _browser.PageAsync("manager@demo.test");
        await Browser.VisitAsync(page, "/policies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a new document" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Title").FillAsync("Demo Township social media house rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Draft version 1" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // Publishing with elements missing is refused and says which.
        await page.GetByLabel("Text of the document").FillAsync("1. What we post: news and services.\n2. Blocking: only after repeated violations.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Missing required element(s)");
        await Browser.AssertAccessibleAsync(page);

        foreach (var input in await page.Locator("input[id^='cov-']").AllAsync())
        {
            await input.FillAsync("Section 1");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-result")).ToHaveTextAsync("Every required element is covered.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("The version is published.");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Public page of version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules-text")).ToContainTextAsync("What we post");
        await Browser.AssertAccessibleAsync(page);

        var member = await _browser.PageAsync("member@demo.test");
        var documentPath = new Uri(page.Url).AbsolutePath;
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Acknowledge version 1" }).ClickAsync();
        var acknowledgeUrl = new Uri(page.Url).AbsolutePath;
        await member.GotoAsync(acknowledgeUrl);
        await Browser.AssertAccessibleAsync(member);
        await member.GetByLabel("Position").FillAsync("Councillor, Ward 2");
        await member.GetByLabel("Department (members of council: Council)").FillAsync("Council");
        await member.GetByLabel("Signature (type your full name)").FillAsync("Max Member");
        await member.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(member.Locator("#acknowledged")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(member);

        await Browser.VisitAsync(page, acknowledgeUrl.Replace("/acknowledge", "/acknowledgements", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#not-yet")).Not.ToContainTextAsync("Councillor Max Member");
        await Assertions.Expect(page.Locator("#not-yet")).ToContainTextAsync("Casey Clerk");
        Assert.StartsWith("/house-rules/demo-township/", documentPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_and_service_level_pages_pass_axe_and_work()
    {
        var admin = await _browser.PageAsync("admin@demo.test");
        await Browser.VisitAsync(admin, "/policies/catalogue");
        await admin.GetByLabel("Short code").FillAsync("Bad Code!");
        await admin.GetByLabel("Title").First.FillAsync("Doxxing");
        await admin.GetByLabel("What it covers").FillAsync("Posting someone's home address.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("lower-case letters");
        await admin.GetByLabel("Short code").FillAsync("doxxing");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("The rule is added.");
        await Browser.AssertAccessibleAsync(admin);

        await Browser.VisitAsync(admin, "/municipality/settings");
        await admin.GetByLabel("Earlier violations before a block needs no written reason").FillAsync("3");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Browser.AssertAccessibleAsync(admin);

        var clerk = await _browser.PageAsync("clerk@demo.test");
        await Browser.VisitAsync(clerk, "/elections?year=2026");
        await Assertions.Expect(clerk.Locator("#calendar")).ToContainTextAsync("Monday 26 October 2026");
        // The Integrity Commissioner sets the complaint election period: the clerk reads about it, with nothing to set (R12).
        await Assertions.Expect(clerk.Locator("#complaint-election-period")).ToContainTextAsync("Integrity Commissioner sets the election period");
        await Assertions.Expect(clerk.Locator("main form")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(clerk);

        await Browser.VisitAsync(admin, "/policies/service-levels?days=10");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { NameRegex = DueHeading() })).ToBeVisibleAsync();
        await admin.GetByLabel("Date").FillAsync("2027-06-21");
        await admin.GetByLabel("Name").FillAsync("National Indigenous Peoples Day");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "National Indigenous Peoples Day", Exact = true })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(admin);
    }

    private async Task<Guid> RegisterAccountAsync(string handle)
    {
        var manager = await _browser.App.ClientForAsync("manager@demo.test");
        var response = await manager.PostAsJsonAsync("/api/accounts", new
        {
            municipalityId = AccountsModule.DemoMunicipalityId, platform = "Facebook", handle,
            profileUrl = $"https://facebook.com/{handle.TrimStart('@')}", owner = "Municipality", ownerName = "Demo Township",
            purpose = "News", responsibleName = "Sam Manager", responsibleEmail = "manager@demo.test",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [GeneratedRegex("official title")]
    private static partial Regex TitleQuestion();

    [GeneratedRegex("^Due ")]
    private static partial Regex DueHeading();
}
