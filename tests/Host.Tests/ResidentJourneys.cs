using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Accounts;
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

/// <summary>
/// The appeal from every side (R9, R15): the resident appeals a block on the member's account, the social media team sends
/// it to the member, who upholds it under a posted rule and answers the Human Rights Code ground raised; the resident
/// takes it once to the Integrity Commissioner and signs the complaint that makes, which the IC then finds.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AppealDecisionJourney : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public AppealDecisionJourney(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_resident_appeals_the_member_upholds_it_under_a_posted_rule_and_the_resident_takes_it_to_the_commissioner()
    {
        // Upholding needs house rules in force on the day of the block (R4, R9): Demo Township publishes them today.
        var today = GovernanceFactory.TodayInToronto();
        await PublishHouseRulesAsync(today);

        var resident = await _browser.PageAsync();
        await Browser.VisitAsync(resident, "/appeal/demo-township");
        await resident.GetByLabel("The account", new() { Exact = true }).SelectOptionAsync(
            new SelectOptionValue { Label = "@CllrMaxMember on Facebook (Councillor Max Member)" });
        await resident.GetByLabel("Your user name on that platform (optional)").FillAsync("@sam_r");
        await resident.GetByLabel("I was blocked").CheckAsync();
        await resident.GetByLabel("When did it happen?").FillAsync(today.ToString("yyyy-MM-dd"));
        await resident.GetByLabel("What had you posted?").FillAsync("Close the rink again and the staff who did it will regret it.");
        await resident.GetByLabel("Race", new() { Exact = true }).CheckAsync();
        await resident.GetByLabel("Your name (optional)").FillAsync("Sam Resident");
        await resident.GetByLabel("Your e-mail address").FillAsync("sam@example.ca");
        await resident.GetByLabel("I have read the privacy notice and agree").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my appeal" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#filed")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(resident);
        var trackingUrl = resident.Url.Replace("&filed=true", "", StringComparison.Ordinal);
        var appeal = new Uri(trackingUrl).AbsolutePath.Split('/').Last();

        // Intake (the social media team) sends it to whoever runs the account: here, the member.
        var manager = await _browser.PageAsync("manager@demo.test");
        await Browser.VisitAsync(manager, "/cases");
        await manager.GetByRole(AriaRole.Link, new() { Name = appeal }).ClickAsync();
        await Assertions.Expect(manager.Locator("#stage")).ToHaveTextAsync("intake");
        await Browser.AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send to whoever runs the account" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#stage")).ToHaveTextAsync("owner review");
        await Assertions.Expect(manager.Locator("#owner")).ToHaveTextAsync("Councillor Max Member (a member's account: the member decides)");
        await Browser.AssertAccessibleAsync(manager);

        // The social media team may not decide a member's appeal: the member does (R9), so no decision is offered here.
        await Assertions.Expect(manager.GetByRole(AriaRole.Form, new() { Name = "Keep the action (uphold it)" })).ToHaveCountAsync(0);
        await Assertions.Expect(manager.Locator("#next-heading")).ToHaveCountAsync(0);

        // The member decides, seeing the appeal but never the resident's e-mail (R15).
        var member = await _browser.PageAsync("member@demo.test");
        await Browser.VisitAsync(member, "/cases");
        await member.GetByRole(AriaRole.Link, new() { Name = appeal }).ClickAsync();
        await Assertions.Expect(member.Locator("#stage")).ToHaveTextAsync("owner review");
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("Sam Resident");
        Assert.DoesNotContain("sam@example.ca", await member.ContentAsync(), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(member);

        // Upholding without naming a rule is refused, saying why.
        const string raceAnswer = "I blocked the threat to staff, not the person: I did not know their race and it played no part.";
        const string reasons = "The comment threatened staff, which the house rules forbid.";
        var uphold = member.GetByRole(AriaRole.Form, new() { Name = "Keep the action (uphold it)" });
        await uphold.GetByLabel("Race", new() { Exact = true }).FillAsync(raceAnswer);
        await uphold.GetByLabel("Reasons (the resident will read them)").FillAsync(reasons);
        await uphold.GetByRole(AriaRole.Button, new() { Name = "Keep the action (uphold it)" }).ClickAsync();
        await Assertions.Expect(member.Locator("#problems")).ToContainTextAsync("Name the rule the action relied on");
        await Browser.AssertAccessibleAsync(member);

        await uphold.GetByLabel("Race", new() { Exact = true }).FillAsync(raceAnswer);
        await uphold.GetByLabel("The posted rule the action relied on").SelectOptionAsync(new SelectOptionValue { Label = "Threats or abusive language" });
        await uphold.GetByLabel("Reasons (the resident will read them)").FillAsync(reasons);
        await uphold.GetByRole(AriaRole.Button, new() { Name = "Keep the action (uphold it)" }).ClickAsync();
        await Assertions.Expect(member.Locator("#stage")).ToHaveTextAsync("decided");
        await Assertions.Expect(member.Locator("#decision-heading + p")).ToContainTextAsync("Upheld under rule threats");
        Assert.DoesNotContain("sam@example.ca", await member.ContentAsync(), StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(member);

        // The resident reads the decision, its reasons and the answer on race, and escalates once.
        await Browser.VisitAsync(resident, trackingUrl);
        await Assertions.Expect(resident.Locator("#stage")).ToHaveTextAsync("Decided – the action stands; you may escalate once");
        await Assertions.Expect(resident.Locator("#timeline")).ToContainTextAsync($"Reasons: {reasons}");
        await Assertions.Expect(resident.Locator("#timeline")).ToContainTextAsync($"Race: {raceAnswer}");
        await resident.GetByLabel("Why you are not satisfied (optional)").FillAsync("Others who wrote the same were not blocked.");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Escalate my appeal" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#problems")).ToContainTextAsync("Tick the box to confirm you want to escalate");
        await Browser.AssertAccessibleAsync(resident);
        await resident.GetByLabel("I want to escalate my appeal").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Escalate my appeal" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#message")).ToHaveTextAsync("Your appeal is escalated.");
        await Assertions.Expect(resident.Locator("#timeline")).ToContainTextAsync("You took your appeal to the Integrity Commissioner.");
        await Assertions.Expect(resident.GetByRole(AriaRole.Button, new() { Name = "Escalate my appeal" })).ToHaveCountAsync(0); // once only
        await Browser.AssertAccessibleAsync(resident);

        // The e-mail brings the resident to the complaint made from the appeal, to complete and sign (R16).
        var complaintUrl = await MailedLinkAsync("Complete your Code of Conduct complaint", @"/track/COC-\d{4}-\d{6}\?token=[^\s]+");
        var complaint = new Uri(_browser.BaseUrl + complaintUrl).AbsolutePath.Split('/').Last();
        await Browser.VisitAsync(resident, complaintUrl);
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Complete and sign your complaint" })).ToBeVisibleAsync();
        await Assertions.Expect(resident.GetByLabel("What happened")).ToHaveValueAsync(new Regex($"^From appeal {appeal}: "));
        await resident.GetByLabel("14 Discreditable Conduct").CheckAsync();
        await resident.GetByLabel("Links to the posts, one per line").FillAsync("https://www.facebook.com/CllrMaxMember/posts/7");
        await resident.GetByLabel("When did it happen?").FillAsync(today.ToString("yyyy-MM-dd"));
        await resident.GetByLabel("When did you become aware of it?").FillAsync(today.ToString("yyyy-MM-dd"));
        await resident.GetByLabel("I say the member discriminated against or harassed someone").CheckAsync();
        await resident.GetByLabel("Type your full name to sign").FillAsync("Sam Resident");
        await resident.GetByLabel("I declare that what I have written is true to the best of my knowledge").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Sign and file my complaint" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#message")).ToHaveTextAsync("Thank you. Your complaint is filed.");
        await Assertions.Expect(resident.Locator("#stage")).ToHaveTextAsync("Received – being checked");
        await Browser.AssertAccessibleAsync(resident);

        // The Integrity Commissioner finds the new complaint in the queue, linked to its appeal; the appeal itself is not theirs.
        var ic = await _browser.PageAsync("ic@demo.test");
        await Browser.VisitAsync(ic, "/cases");
        await Assertions.Expect(ic.GetByRole(AriaRole.Link, new() { Name = appeal })).ToHaveCountAsync(0);
        await ic.GetByRole(AriaRole.Link, new() { Name = complaint }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("intake");
        await Assertions.Expect(ic.Locator("#complaint-heading + dl")).ToContainTextAsync($"appeal {appeal}");
        await Assertions.Expect(ic.Locator("#complainant")).ToContainTextAsync("Sam Resident");
        await Browser.AssertAccessibleAsync(ic);
    }

    private async Task PublishHouseRulesAsync(DateOnly effectiveFrom)
    {
        var manager = await _browser.App.ClientForAsync("manager@demo.test");
        var created = await manager.PostAsJsonAsync("/api/policies/documents",
            new { municipalityId = AccountsModule.DemoMunicipalityId, title = "Demo Township house rules" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var versionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var saved = await manager.PutAsJsonAsync($"/api/policies/versions/{versionId}",
            new { body = "Be respectful. We remove threats and abuse aimed at anyone.", coverage = PoliciesApiTests.FullCoverage() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var published = await manager.PostAsJsonAsync($"/api/policies/versions/{versionId}/publish", new { effectiveFrom });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    /// <summary>The first path matching <paramref name="pattern"/> in a delivered e-mail with that subject.</summary>
    private async Task<string> MailedLinkAsync(string subject, string pattern)
    {
        await _browser.App.DispatchOutboxAsync();
        var folder = Path.Combine(_browser.App.DataFolder, "mail-pickup");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var mail = await MimeKit.MimeMessage.LoadAsync(file);
                if ((mail.Subject ?? "").Contains(subject, StringComparison.Ordinal) && Regex.Match(mail.TextBody ?? "", pattern) is { Success: true } found)
                {
                    return found.Value;
                }
            }

            await Task.Delay(250); // the scheduler may be delivering it
        }

        Assert.Fail($"No e-mail \"{subject}\" with a link was delivered.");
        return "";
    }
}

/// <summary>
/// A complaint from every side (R10, R15, R16): the resident files, the IC investigates, the member responds, the IC
/// shares the response with a passage redacted, the resident replies, the Human Rights Code review, the draft for the
/// member's comment, the final report issued and public at once, and council's decision.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ComplaintJourney : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public ComplaintJourney(Browser browser) => _browser = browser;

    [Fact]
    public async Task A_resident_complains_the_member_responds_the_commissioner_reports_and_the_report_appears_in_the_registry()
    {
        var today = GovernanceFactory.TodayInToronto();
        var resident = await _browser.PageAsync();
        await Browser.VisitAsync(resident, "/complaint/demo-township");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Privacy: who sees what" })).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator("#who-sees")).ToContainTextAsync("The member you complain about sees your complaint and your name");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "What happens next" })).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator("#what-happens-next")).ToContainTextAsync("You may reply to the member's response");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my complaint" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#name-error")).ToHaveTextAsync("Enter your full name: a formal complaint cannot be anonymous.");
        await Browser.AssertAccessibleAsync(resident);

        await resident.GetByLabel("Member of council", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Councillor Max Member" });
        await resident.GetByLabel("Links to the posts (one per line)").FillAsync("https://x.com/CllrMax/status/42");
        await resident.GetByLabel("Article 14: Discreditable Conduct", new() { Exact = false }).CheckAsync();
        await resident.GetByLabel("What happened?").FillAsync("The councillor mocked a resident's disability in a reply.");
        await resident.GetByLabel("The post was discriminatory or harassing").CheckAsync();
        await resident.GetByLabel("When did it happen?").FillAsync(today.AddDays(-10).ToString("yyyy-MM-dd"));
        await resident.GetByLabel("When did you become aware of it?").FillAsync(today.AddDays(-9).ToString("yyyy-MM-dd"));
        await resident.GetByLabel("Your full name", new() { Exact = true }).FillAsync("Jordan Complainant");
        await resident.GetByLabel("Your e-mail address").FillAsync("jordan@example.ca");
        await resident.GetByLabel("I make this declaration").CheckAsync();
        await resident.GetByLabel("Sign by typing your full name").FillAsync("Jordan Complainant");
        await resident.GetByLabel("I have read the privacy notice and agree").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my complaint" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#filed")).ToContainTextAsync("We received your complaint.");
        await Browser.AssertAccessibleAsync(resident);
        var trackingUrl = resident.Url.Replace("&filed=true", "", StringComparison.Ordinal);
        var reference = new Uri(trackingUrl).AbsolutePath.Split('/').Last();

        // The Integrity Commissioner accepts it and investigates: the member is sent the complaint.
        var ic = await _browser.PageAsync("ic@demo.test");
        await Browser.VisitAsync(ic, $"/cases/{reference}");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Accept for preliminary assessment" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("preliminary assessment");
        await Browser.AssertAccessibleAsync(ic);
        await ic.GetByRole(AriaRole.Button, new() { Name = "Investigate (send the complaint to the member)" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("member response");
        await Browser.AssertAccessibleAsync(ic);

        // The member sees the complaint and the complainant's name, never their e-mail, and responds.
        var member = await _browser.PageAsync("member@demo.test");
        await Browser.VisitAsync(member, $"/cases/{reference}");
        await Assertions.Expect(member.Locator("#complainant")).ToContainTextAsync("Jordan Complainant");
        Assert.DoesNotContain("jordan@example.ca", await member.ContentAsync(), StringComparison.Ordinal);
        await member.GetByLabel("The member's response").FillAsync("I regret the reply and have apologised publicly. My assistant Kim Lee drafted it.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Send the response" }).ClickAsync();
        await Assertions.Expect(member.Locator("#stage")).ToHaveTextAsync("response review");
        await Browser.AssertAccessibleAsync(member);

        // The IC shares the response with the complainant, redacting a staff member's name, with the reason.
        await Browser.VisitAsync(ic, $"/cases/{reference}");
        var share = ic.GetByRole(AriaRole.Form, new() { Name = "Share the response with the complainant" });
        await share.GetByLabel("Passages to redact before sharing (one per line)").FillAsync("Kim Lee");
        await share.GetByLabel("Why those passages are redacted").FillAsync("A staff member's name is not the complainant's business.");
        await share.GetByRole(AriaRole.Button, new() { Name = "Share the response with the complainant" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("complainant reply");
        await Browser.AssertAccessibleAsync(ic);

        // The complainant reads the shared response and replies on the tracking page.
        await Browser.VisitAsync(resident, trackingUrl);
        await Assertions.Expect(resident.Locator("#stage")).ToHaveTextAsync("You may reply to the member's response");
        await Assertions.Expect(resident.Locator("#timeline")).ToContainTextAsync("My assistant [redacted] drafted it.");
        Assert.DoesNotContain("Kim Lee", await resident.ContentAsync(), StringComparison.Ordinal);
        await resident.GetByLabel("Your reply").FillAsync("I accept the apology in part: the reply is still online.");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my reply" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#message")).ToHaveTextAsync("Thank you. Your reply is on the case.");
        await Assertions.Expect(resident.Locator("#stage")).ToHaveTextAsync("Under investigation");
        await Browser.AssertAccessibleAsync(resident);

        // Discrimination is alleged: an investigator records the Human Rights Code review.
        var investigator = await _browser.PageAsync("investigator@demo.test");
        await Browser.VisitAsync(investigator, $"/cases/{reference}");
        await Assertions.Expect(investigator.Locator("#stage")).ToHaveTextAsync("investigation");
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Ask for a Human Rights Code review" }).ClickAsync();
        await Assertions.Expect(investigator.Locator("#stage")).ToHaveTextAsync("hr review");
        await Browser.AssertAccessibleAsync(investigator);
        await investigator.GetByLabel("What the member's other posts or conduct show").FillAsync("No earlier findings against the member.");
        await investigator.GetByLabel("Finding", new() { Exact = true }).FillAsync("Mocking a disability engages a Code ground.");
        await investigator.GetByLabel("An adverse effect on a Code ground was found").CheckAsync();
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Complete the Human Rights Code review" }).ClickAsync();
        await Assertions.Expect(investigator.Locator("#stage")).ToHaveTextAsync("investigation");
        await Assertions.Expect(investigator.Locator("#review-heading")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(investigator);

        // The IC sends the draft; the member comments on it.
        await Browser.VisitAsync(ic, $"/cases/{reference}");
        await ic.GetByLabel("Draft report", new() { Exact = true }).FillAsync("Draft: the reply breached Article 14.");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Send the draft report to the member" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("member comment");
        await Browser.AssertAccessibleAsync(ic);

        await Browser.VisitAsync(member, $"/cases/{reference}");
        await member.GetByLabel("Your comment on the draft report").FillAsync("I accept the draft and will take training.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Send my comment" }).ClickAsync();
        await Assertions.Expect(member.Locator("#stage")).ToHaveTextAsync("final report");
        await Browser.AssertAccessibleAsync(member);

        // The IC writes the final report, previews what the registry will show, and issues it: public at once (s.223.6(3)).
        await Browser.VisitAsync(ic, $"/cases/{reference}");
        await ic.GetByLabel("Final report", new() { Exact = true }).FillAsync("Jordan Complainant's complaint is founded: the reply breached Article 14.");
        await ic.GetByLabel("The member breached the Code").CheckAsync();
        await ic.GetByLabel("Recommended penalty or remedial measures").FillAsync("A reprimand and training.");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Write the final report" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("publication");
        await Browser.AssertAccessibleAsync(ic);

        await ic.GetByLabel("Passages to redact (one per line)").FillAsync("Jordan");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Preview the publication" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#preview-report")).ToHaveTextAsync("[redacted] Complainant's complaint is founded: the reply breached Article 14.");
        await Assertions.Expect(ic.Locator("#preview-warnings")).ToContainTextAsync("Complainant");
        await Browser.AssertAccessibleAsync(ic);
        await ic.GetByLabel("Passages to redact (one per line)").FillAsync("Jordan Complainant");
        await ic.GetByRole(AriaRole.Button, new() { Name = "Preview the publication" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#preview-report")).ToHaveTextAsync("[redacted]'s complaint is founded: the reply breached Article 14.");
        await Assertions.Expect(ic.Locator("#preview-warnings")).ToHaveCountAsync(0);
        await ic.GetByRole(AriaRole.Button, new() { Name = "Issue to council and publish this preview" }).ClickAsync();
        await Assertions.Expect(ic.Locator("#stage")).ToHaveTextAsync("council decision");
        await Assertions.Expect(ic.Locator("#published")).ToContainTextAsync("Published in the public registry");
        await Browser.AssertAccessibleAsync(ic);

        var visitor = await _browser.PageAsync();
        await Browser.VisitAsync(visitor, "/registry/demo-township");
        await visitor.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#report-text")).ToHaveTextAsync("[redacted]'s complaint is founded: the reply breached Article 14.");
        await Assertions.Expect(visitor.GetByText("Jordan")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(visitor);

        // The clerk records council's decision: a reprimand and a suspension of pay, by resolution.
        var clerk = await _browser.PageAsync("clerk@demo.test");
        await Browser.VisitAsync(clerk, $"/cases/{reference}");
        Assert.DoesNotContain("Jordan", (await clerk.ContentAsync()).Replace("[redacted]", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var decision = clerk.GetByRole(AriaRole.Form, new() { Name = "Record council's decision" });
        await decision.GetByLabel("Reprimand", new() { Exact = true }).CheckAsync();
        await decision.GetByLabel("Days of pay suspended (1 to 90)").FillAsync("30");
        await decision.GetByLabel("Date of the council meeting").FillAsync(today.ToString("yyyy-MM-dd"));
        await decision.GetByLabel("Resolution number").FillAsync("CC-2026-41");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Record council's decision" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(clerk.Locator("#council-decision")).ToContainTextAsync("Council imposed a reprimand, a suspension of pay for 30 days");
        await Assertions.Expect(clerk.Locator("#council-decision")).ToContainTextAsync("(resolution CC-2026-41)");
        await Browser.AssertAccessibleAsync(clerk);

        await Browser.VisitAsync(visitor, $"/registry/demo-township/{reference}");
        await Assertions.Expect(visitor.Locator("#council-decision")).ToContainTextAsync("a suspension of pay for 30 days");
        await Browser.VisitAsync(resident, trackingUrl);
        await Assertions.Expect(resident.Locator("#timeline")).ToContainTextAsync("(resolution CC-2026-41)");
    }
}
