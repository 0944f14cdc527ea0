using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Governance.Host.Tests;

/// <summary>A resident's journeys, without an account, in a real browser, with axe on every page.</summary>
[Trait("Category", "Slow")]
public sealed class ResidentJourneys : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public ResidentJourneys(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_resident_files_an_appeal_follows_it_and_adds_information()
    {
        var page = await _browser.PageAsync();
        await Browser.VisitAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Appeal a block or a removed post" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Appeal a block or a removed post");
        await Browser.AssertAccessibleAsync(page);

        // Nothing filled in: each problem is said beside its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my appeal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter your e-mail address so we can send you updates.");
        await Assertions.Expect(page.Locator("#consent-error")).ToHaveTextAsync("Please agree to the privacy notice to continue.");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Not in the list? Describe it (platform and name)").FillAsync("Demo Township on Facebook");
        await page.GetByLabel("My post or comment was deleted").CheckAsync();
        await page.GetByLabel("When did it happen?").FillAsync(DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd"));
        await page.GetByLabel("What had you posted?").FillAsync("The snow plough skipped our street again.");
        await page.GetByLabel("Disability").CheckAsync();
        await page.GetByLabel("Screenshots (optional: PNG, JPEG, WebP or PDF, up to 10 MB each)").SetInputFilesAsync(
            new FilePayload { Name = "comment.png", MimeType = "image/png", Buffer = AccountsApiTests.Png });
        await page.GetByLabel("Your name (optional)").FillAsync("Robin Resident");
        await page.GetByLabel("Your e-mail address").FillAsync("robin@example.ca");
        await page.GetByLabel("I have read the privacy notice and agree").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my appeal" }).ClickAsync();

        await Assertions.Expect(page.Locator("#filed")).ToContainTextAsync("We received your appeal.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("APL-");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Received – being checked");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("What would you like to add?").FillAsync("It was posted under the Tuesday road update.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you. We added your information to the case.");
        await Assertions.Expect(page.Locator("#timeline li")).ToHaveCountAsync(3); // received, "you sent more information", and what it said
        await Assertions.Expect(page.Locator("#timeline li").Last).ToContainTextAsync("Information from the resident: It was posted under the Tuesday road update.");
        await Browser.AssertAccessibleAsync(page);

        // The link is private: without its token the case is not found.
        var withoutToken = await page.GotoAsync(new Uri(page.Url).AbsolutePath);
        Assert.Equal(404, withoutToken!.Status);
    }
}

/// <summary>The appeal from both sides: the resident files, the Integrity Commissioner decides, the resident sees it.</summary>
[Trait("Category", "Slow")]
public sealed class AppealDecisionJourney : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public AppealDecisionJourney(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_resident_files_an_appeal_the_commissioner_decides_it_and_the_resident_sees_the_decision()
    {
        var resident = await _browser.PageAsync();
        await resident.GotoAsync("/appeal/demo-township");
        await resident.GetByLabel("Not in the list? Describe it (platform and name)").FillAsync("Demo Township on X");
        await resident.GetByLabel("I was blocked").CheckAsync();
        await resident.GetByLabel("When did it happen?").FillAsync(DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd"));
        await resident.GetByLabel("Your e-mail address").FillAsync("sam@example.ca");
        await resident.GetByLabel("I have read the privacy notice and agree").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my appeal" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#filed")).ToBeVisibleAsync();
        var trackingUrl = resident.Url.Replace("&filed=true", "", StringComparison.Ordinal);
        var reference = new Uri(trackingUrl).AbsolutePath.Split('/').Last();

        var ic = await _browser.PageAsync("ic@demo.test");
        await Browser.VisitAsync(ic, "/cases");
        await ic.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("intake");
        await Browser.AssertAccessibleAsync(ic);

        await ic.GetByRole(AriaRole.Button, new() { Name = "Take this case" }).ClickAsync();
        await ic.GetByRole(AriaRole.Button, new() { Name = "Accept for review" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("hr review");
        await ic.GetByLabel("What the account's other blocks and removals show").FillAsync("No other blocks on this account.");
        await ic.GetByLabel("Finding").FillAsync("No grounds were raised and none appear in the record.");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Complete the Human Rights Code review" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("decision");
        await Browser.AssertAccessibleAsync(ic);

        // A decision without a rule is refused and says why.
        await ic.GetByLabel("Restore access (unblock)").CheckAsync();
        await ic.GetByLabel("Reasons (the resident and the account owner will read them)").FillAsync("Asking about snow clearing breaks no rule.");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#problems")).ToContainTextAsync("house rule");
        await Browser.AssertAccessibleAsync(ic);

        await ic.GetByLabel("Restore access (unblock)").CheckAsync();
        await ic.GetByLabel("House rule the decision relies on").SelectOptionAsync(new SelectOptionValue { Label = "Off-topic" });
        await ic.GetByLabel("Reasons (the resident and the account owner will read them)").FillAsync("Asking about snow clearing breaks no rule.");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("awaiting restoration");

        await Browser.VisitAsync(resident, trackingUrl);
        await Assertions.Expect(resident.Locator("#stage")).ToHaveTextAsync("Decided – access or content being restored");
        await Assertions.Expect(resident.Locator("#timeline")).ToContainTextAsync("The decision is to restore your access.");
    }
}

/// <summary>A complaint from both sides: resident files, member responds, the IC reports, the report is public.</summary>
[Trait("Category", "Slow")]
public sealed class ComplaintJourney : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public ComplaintJourney(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_resident_complains_the_member_responds_the_commissioner_reports_and_the_report_appears_in_the_registry()
    {
        var resident = await _browser.PageAsync();
        await Browser.VisitAsync(resident, "/complaint/demo-township");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my complaint" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#name-error")).ToHaveTextAsync("Enter your full name: a formal complaint cannot be anonymous.");
        await Browser.AssertAccessibleAsync(resident);

        await resident.GetByLabel("Member of council").SelectOptionAsync(new SelectOptionValue { Label = "Councillor Max Member" });
        await resident.GetByLabel("Links to the posts (one per line)").FillAsync("https://x.com/CllrMax/status/42");
        await resident.GetByLabel("Article 14: Discreditable Conduct", new() { Exact = false }).CheckAsync();
        await resident.GetByLabel("What happened?").FillAsync("The councillor mocked a resident's disability in a reply.");
        await resident.GetByLabel("Your full name", new() { Exact = true }).FillAsync("Jordan Complainant");
        await resident.GetByLabel("Your e-mail address").FillAsync("jordan@example.ca");
        await resident.GetByLabel("I make this declaration").CheckAsync();
        await resident.GetByLabel("Sign by typing your full name").FillAsync("Jordan Complainant");
        await resident.GetByLabel("I have read the privacy notice and agree").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my complaint" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#filed")).ToContainTextAsync("We received your complaint.");
        await Browser.AssertAccessibleAsync(resident);
        var reference = new Uri(resident.Url).AbsolutePath.Split('/').Last();

        var ic = await _browser.PageAsync("ic@demo.test");
        await Browser.VisitAsync(ic, $"/cases/{reference}");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Accept for preliminary assessment" }).ClickAsync();
        await ic.GetByRole(AriaRole.Button, new() { Name = "Investigate (send the complaint to the member)" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("member response");
        await Browser.AssertAccessibleAsync(ic);

        var member = await _browser.PageAsync("member@demo.test");
        await Browser.VisitAsync(member, $"/cases/{reference}");
        await Assertions.Expect(member.GetByText("jordan@example.ca")).ToHaveCountAsync(0);
        await member.GetByLabel("Your response").FillAsync("I regret the reply and have apologised publicly.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Send my response" }).ClickAsync();
        await Assertions.Expect(member.Locator("#stage")).ToHaveTextAsync("complainant reply");
        await Browser.AssertAccessibleAsync(member);

        var api = await _browser.App.ClientForAsync("ic@demo.test");
        var memberApi = await _browser.App.ClientForAsync("member@demo.test");
        Assert.True((await api.PostAsJsonAsync($"/api/cases/{reference}/actions/no_reply", new { })).IsSuccessStatusCode);
        Assert.True((await api.PostAsJsonAsync($"/api/cases/{reference}/actions/send_draft_report", new { reportText = "Draft findings." })).IsSuccessStatusCode);
        Assert.True((await memberApi.PostAsJsonAsync($"/api/cases/{reference}/actions/submit_comment", new { text = "No comment." })).IsSuccessStatusCode);

        await Browser.VisitAsync(ic, $"/cases/{reference}");
        await ic.GetByLabel("Final report").FillAsync("Jordan Complainant's complaint is founded: the reply breached Article 14.");
        await ic.GetByLabel("Recommended sanction or remedial measures").FillAsync("A reprimand.");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Issue the final report to council" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("council decision");

        var clerk = await _browser.PageAsync("clerk@demo.test");
        await Browser.VisitAsync(clerk, $"/cases/{reference}");
        await clerk.GetByLabel("Council's decision", new() { Exact = true }).SelectOptionAsync("reprimand");
        await clerk.GetByLabel("Date of council's decision").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Record council's decision" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#status")).ToHaveTextAsync("Closed");
        await Browser.AssertAccessibleAsync(clerk);

        // The IC marks what to redact, looks at the preview with its warnings, and publishes that preview (R15, R16).
        await Browser.VisitAsync(ic, $"/cases/{reference}");
        await ic.GetByLabel("Passages to redact (one per line)").FillAsync("Jordan");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Preview the publication" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#preview-report")).ToHaveTextAsync("[redacted] Complainant's complaint is founded: the reply breached Article 14.");
        await Assertions.Expect(ic.Locator("#preview-warnings")).ToContainTextAsync("Complainant");
        await Browser.AssertAccessibleAsync(ic);
        await ic.GetByRole(AriaRole.Button, new() { Name = "Publish this preview" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#problems")).ToContainTextAsync("confirm you have checked them");
        await ic.GetByLabel("Passages to redact (one per line)").FillAsync("Jordan Complainant");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Preview the publication" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#preview-warnings")).ToHaveCountAsync(0);
        await ic.GetByRole(AriaRole.Button, new() { Name = "Publish this preview" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#published")).ToContainTextAsync("Published in the public registry");

        var visitor = await _browser.PageAsync();
        await Browser.VisitAsync(visitor, "/registry/demo-township");
        await visitor.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#council-decision")).ToHaveTextAsync("reprimand");
        await Assertions.Expect(visitor.Locator("#report-text")).ToContainTextAsync("[redacted]'s complaint is founded");
        await Assertions.Expect(visitor.GetByText("Jordan")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(visitor);
    }
}
