using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Governance.Host.Tests;

/// <summary>The Integrity Commissioner's complaint protocol (R12, R16) and the public "How a case moves" page, in a browser, with axe on every page.</summary>
[Trait("Category", "Slow")]
public sealed partial class ProtocolJourneys : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public ProtocolJourneys(Browser browser) => _browser = browser;

    [Fact]
    public async Task The_commissioner_sets_a_hold_protocol_with_a_longer_election_period_and_a_negative_value_is_refused()
    {
        var ic = await _browser.PageAsync("ic@demo.test");
        await Browser.VisitAsync(ic, "/complaints/protocol");
        await Assertions.Expect(ic.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Complaint protocol");
        await Assertions.Expect(ic.GetByLabel("Terminate", new() { Exact = false })).ToBeCheckedAsync(); // the statutory model by default

        await ic.GetByLabel("Hold: complaints are received and held", new() { Exact = false }).CheckAsync();
        await ic.GetByLabel("Days the period starts before nomination day").FillAsync("14");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Save the protocol" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#message")).ToHaveTextAsync("Saved.");
        await Assertions.Expect(ic.GetByLabel("Hold: complaints are received and held", new() { Exact = false })).ToBeCheckedAsync();
        await Assertions.Expect(ic.GetByLabel("Days the period starts before nomination day")).ToHaveValueAsync("14");
        await Assertions.Expect(ic.Locator("main")).ToContainTextAsync("Last changed by");
        await Browser.AssertAccessibleAsync(ic);

        // The period never starts after nomination day (Municipal Act s.223.4.1): a negative value is refused, nothing saved.
        await ic.GetByLabel("Days the period starts before nomination day").FillAsync("-3");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Save the protocol" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#problems")).ToContainTextAsync("The election period starts on nomination day at the latest");
        await Assertions.Expect(ic.Locator("#message")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(ic);
        await Browser.VisitAsync(ic, "/complaints/protocol");
        await Assertions.Expect(ic.GetByLabel("Days the period starts before nomination day")).ToHaveValueAsync("14");
    }

    [Fact]
    public async Task An_administrator_may_not_open_the_commissioners_protocol()
    {
        var admin = await _browser.PageAsync("admin@demo.test");
        await admin.GotoAsync("/complaints/protocol");
        await Assertions.Expect(admin).ToHaveURLAsync(AccessDenied());
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not available to your role");
        await Browser.AssertAccessibleAsync(admin);
    }

    [Fact]
    public async Task How_a_case_moves_shows_every_step_of_appeals_and_complaints_to_anyone()
    {
        var visitor = await _browser.PageAsync();
        await Browser.VisitAsync(visitor, "/how-a-case-moves");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How a case moves");
        var appeals = visitor.GetByRole(AriaRole.Table, new() { Name = "An appeal of a block or a removed post (version 2)" });
        var complaints = visitor.GetByRole(AriaRole.Table, new() { Name = "A Code of Conduct complaint (version 2)" });
        await Assertions.Expect(appeals).ToBeVisibleAsync();
        await Assertions.Expect(complaints).ToBeVisibleAsync();
        await Assertions.Expect(appeals.GetByRole(AriaRole.Rowheader, new() { Name = "owner review" })).ToContainTextAsync("owner review");
        await Assertions.Expect(appeals).ToContainTextAsync("Take it to the Integrity Commissioner as a Code of Conduct complaint (the resident, through their link)");
        await Assertions.Expect(complaints.GetByRole(AriaRole.Rowheader, new() { Name = "complainant reply" })).ToBeVisibleAsync();
        await Assertions.Expect(complaints).ToContainTextAsync("Issue the report to council and publish it → council decision");
    }

    [GeneratedRegex("/access-denied")]
    private static partial Regex AccessDenied();
}
