using System.Net;
using Governance.Host.Tests.Security;

namespace Governance.Host.Tests;

/// <summary>The public appeal and complaint forms over HTTP: the sending limit and what a failed form says.</summary>
public sealed class PublicFormTests
{
    [Fact]
    public async Task Reading_a_form_is_never_limited_and_sending_too_many_gets_the_form_back_with_why_and_when()
    {
        await using var limited = new GovernanceFactory { RateLimit = 2 };
        var client = StaffWeb.Browser(limited);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/appeal/demo-township")).StatusCode);
        }

        // Two incomplete forms are sent (and answered with their problems); the third is over the limit.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffWeb.PostFormAsync(client, "/appeal/demo-township", Form())).StatusCode);
        }

        var refused = await StaffWeb.PostFormAsync(client, "/appeal/demo-township", Form());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("We accept at most 2 forms an hour from one internet address", html, StringComparison.Ordinal);
        Assert.Contains("Please try again in", html, StringComparison.Ordinal);
        Assert.Contains("value=\"My street\"", html, StringComparison.Ordinal); // what was typed is kept
        Assert.DoesNotContain("id=\"email-error\">Enter", html, StringComparison.Ordinal);

        // Reading is still free after the refusal.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/appeal/demo-township")).StatusCode);
    }

    [Fact]
    public async Task A_failed_form_says_error_in_its_title_links_each_problem_to_its_field_and_keeps_its_ticks()
    {
        await using var app = new GovernanceFactory();
        var client = StaffWeb.Browser(app);
        var form = Form();
        form["Input.Consent"] = "true";
        var html = await (await StaffWeb.PostFormAsync(client, "/appeal/demo-township", form)).Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: Appeal to ", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Email\">Enter your e-mail address so we can send you updates.</a>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"consent\"[^>]*checked", html);

        var fresh = await client.GetStringAsync("/appeal/demo-township");
        Assert.DoesNotContain("There is a problem", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>Error:", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_hides_an_empty_validation_summary()
    {
        await using var app = new GovernanceFactory();
        var css = await app.CreateClient().GetStringAsync("/css/site.css");
        Assert.Contains(".validation-summary-valid { display: none; }", css, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form() => new() { ["Input.Municipality"] = "demo-township", ["Input.AccountDescription"] = "My street" };
}
