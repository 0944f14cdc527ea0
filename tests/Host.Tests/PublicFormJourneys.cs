using System.Text.RegularExpressions;
using Governance.Accounts;
using Microsoft.Playwright;

namespace Governance.Host.Tests;

/// <summary>How the public forms look and behave in a real browser: no empty alerts, radios beside their labels, the error summary.</summary>
[Trait("Category", "Slow")]
public sealed class PublicFormJourneys : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public PublicFormJourneys(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_page_with_no_errors_shows_no_empty_alert()
    {
        var page = await _browser.PageAsync("manager@demo.test");
        await Browser.VisitAsync(page, "/policies/service-levels");
        var summary = page.Locator(".validation-summary-valid");
        Assert.True(await summary.CountAsync() > 0, "the page renders an empty validation summary");
        await Assertions.Expect(summary.First).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task Each_radio_and_checkbox_sits_beside_its_label(int width, int height)
    {
        var page = await _browser.PageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Browser.VisitAsync(page, "/appeal/demo-township");
        var pairs = page.Locator(".check");
        Assert.True(await pairs.CountAsync() >= 4);
        for (var i = 0; i < await pairs.CountAsync(); i++)
        {
            var input = (await pairs.Nth(i).Locator("input").BoundingBoxAsync())!;
            var label = (await pairs.Nth(i).Locator("label").BoundingBoxAsync())!;
            var gap = label.X - (input.X + input.Width);
            Assert.True(gap is >= 0 and <= 16, $"pair {i} at {width}px: {gap}px between the box and its label");
            Assert.True(label.Y <= input.Y + input.Height && input.Y <= label.Y + label.Height, $"pair {i} at {width}px: not on one line");
        }
    }

    [Fact]
    public async Task A_failed_appeal_has_a_focused_summary_linking_to_each_field_and_keeps_the_consent_box()
    {
        var page = await _browser.PageAsync();
        await Browser.VisitAsync(page, "/appeal/demo-township");
        await page.GetByLabel("I have read the privacy notice and agree").CheckAsync();
        await page.GetByLabel("Screenshots (optional: PNG, JPEG, WebP or PDF, up to 10 MB each)").SetInputFilesAsync(
            new FilePayload { Name = "comment.png", MimeType = "image/png", Buffer = AccountsApiTests.Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my appeal" }).ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Appeal to "));
        var summary = page.Locator("#problems");
        await Assertions.Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var email = summary.GetByRole(AriaRole.Link, new() { Name = "Enter your e-mail address so we can send you updates." });
        await Assertions.Expect(email).ToHaveAttributeAsync("href", "#Input_Email");
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter your e-mail address so we can send you updates.");
        await Assertions.Expect(page.GetByLabel("I have read the privacy notice and agree")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#evidence-hint")).ToContainTextAsync("choose your files again");
        await Browser.AssertAccessibleAsync(page);

        await email.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your e-mail address")).ToBeFocusedAsync();
    }
}
