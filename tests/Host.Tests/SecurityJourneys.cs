using Governance.Host.Tests.Security;
using Microsoft.Playwright;

namespace Governance.Host.Tests;

/// <summary>The account pages in a browser, each checked with axe: a forgotten password, turning on two-step sign-in, signing in with it.</summary>
[Trait("Category", "Slow")]
public sealed class SecurityJourneys : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public SecurityJourneys(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_forgotten_password_asks_only_for_the_address_and_says_the_same_for_any_address()
    {
        var page = await _browser.PageAsync();
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Your e-mail address").FillAsync("nobody@demo.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If this address has a staff account");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_administrator_turns_on_two_step_sign_in_and_then_signs_in_with_a_code()
    {
        var page = await _browser.PageAsync("admin@demo.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Signed in as" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // A wrong code is refused on the page, with the reason.
        await page.GetByLabel("Code from your app").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The code is not correct");
        await Browser.AssertAccessibleAsync(page);

        var key = await page.Locator("#shared-key").InnerTextAsync();
        // A code is accepted once: turned on with the previous 30 seconds' code (still valid), signed in with this one.
        await page.GetByLabel("Code from your app").FillAsync(StaffWeb.Totp(key, DateTimeOffset.UtcNow.AddSeconds(-30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sign in again");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("E-mail address").FillAsync("admin@demo.test");
        await page.GetByLabel("Password").FillAsync(GovernanceFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Code from your app")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Code from your app").FillAsync(StaffWeb.Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Signed in as")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/security");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "two-factor.enabled" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GotoAsync("/municipality/settings");
        await Assertions.Expect(page.GetByLabel("Require two-step sign-in for administrators, the Integrity Commissioner and investigators")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
    }
}
