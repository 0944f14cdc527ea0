using Microsoft.Playwright;

namespace Governance.Host.Tests;

/// <summary>The foundation pages: home and sign-in.</summary>
[Trait("Category", "Slow")]
public sealed class BrowserTests : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public BrowserTests(Browser browser) => _browser = browser;

    private static Task AssertAccessibleAsync(IPage page) => Browser.AssertAccessibleAsync(page);

    [Fact]
    public async Task Home_and_login_pages_pass_axe_and_a_clerk_can_sign_in()
    {
        var page = await _browser.PageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Staff sign in" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await AssertAccessibleAsync(page);

        // Nothing entered: each field says what is missing, beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter your e-mail address.");
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("Enter your password.");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("E-mail address").FillAsync("clerk@demo.test");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#login-problem")).ToContainTextAsync("not correct");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Password").FillAsync(GovernanceFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Signed in as Casey Clerk")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Staff sign in" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_skip_link_moves_focus_to_the_main_content()
    {
        var page = await _browser.PageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main$"));
    }

    [Fact]
    public async Task The_not_found_page_and_the_lost_link_page_pass_axe_and_lead_on()
    {
        var page = await _browser.PageAsync();
        var response = await page.GotoAsync("/track/APL-2026-000001?token=cut-sho");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We could not find your case");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Lost your link? Get it sent again" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Find your case");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Reference number").FillAsync("APL-2026-000001");
        await page.GetByLabel("E-mail address").FillAsync("robin@example.ca");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sent")).ToContainTextAsync("If the reference number and e-mail address match a case");
        await AssertAccessibleAsync(page);

        response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await AssertAccessibleAsync(page);
    }
}
