using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Governance.Host.Tests;

/// <summary>The clerk's and the member's election journeys in a real browser, with axe on every page.</summary>
[Trait("Category", "Slow")]
public sealed class ElectionJourneys : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public ElectionJourneys(Browser browser) => _browser = browser;

    [Fact]
    public async Task The_clerk_opens_the_dashboard_a_member_completes_a_step_with_evidence_and_the_clerk_verifies_it()
    {
        // The clerk opens the dashboard: the demo tracks the next election with the member as a candidate.
        var clerk = await _browser.PageAsync("clerk@demo.test");
        await Browser.VisitAsync(clerk, "/");
        await clerk.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Elections" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#candidates")).ToContainTextAsync("Councillor Max Member");
        await Assertions.Expect(clerk.Locator("#candidates")).ToContainTextAsync("No plan yet");
        await Browser.AssertAccessibleAsync(clerk);

        // Bad input on the dashboard: messages beside the fields, nothing stored.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#member-error")).ToHaveTextAsync("Choose the member.");
        await Assertions.Expect(clerk.Locator("#office-error")).ToContainTextAsync("office sought");
        await Assertions.Expect(clerk.Locator("#candidates tbody tr")).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(clerk);

        // The member plans to convert their account and does the first step with a screenshot.
        var member = await _browser.PageAsync("member@demo.test");
        await Browser.VisitAsync(member, "/elections/my");
        await member.GetByRole(AriaRole.Link, new() { Name = "Your campaign plan and scrubbing steps" }).First.ClickAsync();
        await Browser.AssertAccessibleAsync(member);
        await member.GetByLabel("This account, converted for the campaign").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("The campaign plan is saved.");
        await Assertions.Expect(member.Locator("table.steps tbody tr")).ToHaveCountAsync(8);
        await Browser.AssertAccessibleAsync(member);

        var first = member.Locator("table.steps tbody tr").First;
        await first.Locator("summary").ClickAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Save – Consult the Integrity Commissioner" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Alert)).ToContainTextAsync("Attach a screenshot or give the address");
        await Browser.AssertAccessibleAsync(member);

        first = member.Locator("table.steps tbody tr").First;
        await first.Locator("summary").ClickAsync();
        await first.GetByLabel("Screenshot (PNG, JPEG, WebP or PDF, up to 10 MB)").SetInputFilesAsync(
            new FilePayload { Name = "ic-email.png", MimeType = "image/png", Buffer = AccountsApiTests.Png });
        await first.GetByLabel("Note (optional)").FillAsync("E-mailed the Integrity Commissioner my plan on Monday.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save – Consult the Integrity Commissioner" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("The step is marked done.");
        first = member.Locator("table.steps tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("Done, waiting for the clerk");
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "ic-email.png" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(member);

        // The clerk sees the evidence and verifies the step.
        await Browser.VisitAsync(clerk, "/elections/dashboard");
        await Assertions.Expect(clerk.Locator("#candidates")).ToContainTextAsync("1 of 8");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Councillor Max Member" }).ClickAsync();
        await Browser.AssertAccessibleAsync(clerk);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Verify – Consult the Integrity Commissioner" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("The step is verified.");
        await Assertions.Expect(clerk.Locator("table.steps tbody tr").First).ToContainTextAsync("Verified");
        await Assertions.Expect(clerk.Locator("#progress")).ToHaveTextAsync("1 of 8 steps done, 1 verified");
        await Browser.AssertAccessibleAsync(clerk);

        // The member's list and the calendar page pass axe too.
        await Browser.VisitAsync(member, "/elections/my");
        await Browser.VisitAsync(clerk, "/elections");
    }

    [Fact]
    public async Task Staff_serving_two_municipalities_switch_between_them_in_the_header()
    {
        var (otherId, _) = await _browser.App.AddOtherMunicipalityAsync("switch-town");
        using (var scope = _browser.App.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SharedKernel.ITenantScope>().RunAsSystem();
            var db = scope.ServiceProvider.GetRequiredService<Accounts.Data.AccountsDbContext>();
            var ic = await db.Users.SingleAsync(u => u.Email == "ic@demo.test");
            db.Assignments.Add(new Accounts.Domain.StaffAssignment { UserId = ic.Id, MunicipalityId = otherId });
            await db.SaveChangesAsync();
        }

        var page = await _browser.PageAsync("ic@demo.test");
        await Browser.VisitAsync(page, "/elections/dashboard");
        await page.GetByLabel("Municipality").SelectOptionAsync(new SelectOptionValue { Label = "Other Town" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No election is tracked yet.")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await Browser.VisitAsync(page, "/elections");
        await Assertions.Expect(page.GetByLabel("Municipality")).ToHaveValueAsync(otherId.ToString());

        await page.GetByLabel("Municipality").SelectOptionAsync(new SelectOptionValue { Label = "Demo Township" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Browser.VisitAsync(page, "/elections/dashboard");
        await Assertions.Expect(page.Locator("#candidates")).ToContainTextAsync("Councillor Max Member");
    }
}
