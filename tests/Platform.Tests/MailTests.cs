using Governance.Platform.Mail;
using Governance.Platform.Outbox;
using Governance.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Governance.Platform.Tests;

/// <summary>The message MailKit sends: text and HTML, headers that nothing in a mail can add to, and the transport settings.</summary>
public sealed class MailTests
{
    private static async Task<Guid> QueueAsync(PlatformFixture platform, OutgoingMail mail)
    {
        using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var id = scope.ServiceProvider.GetRequiredService<Outbox.Outbox>().Mail(db, mail);
        await db.SaveChangesAsync();
        return id;
    }

    private static Task<int> DispatchAsync(PlatformFixture platform)
        => platform.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

    [Fact]
    public async Task A_pickup_file_named_by_message_id_holds_text_and_an_html_alternative_with_the_stable_headers()
    {
        await using var platform = new PlatformFixture(new()
        {
            ["Mail:From"] = "clerk@demo-township.test",
            ["Mail:FromName"] = "Demo Township Clerk",
        });
        var body = "Hello,\n\nFollow your case at https://governance.example/track/APL-2026-000001?token=a&b=c.\nThank you.";
        var id = await QueueAsync(platform, new OutgoingMail("resident@example.test", "Your appeal APL-2026-000001", body));

        Assert.Equal(1, await DispatchAsync(platform));

        var file = Path.Combine(platform.Folder, "mail-pickup", $"{id:N}.eml");
        Assert.Equal([file], Directory.GetFiles(Path.Combine(platform.Folder, "mail-pickup")));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal($"{id:N}@demo-township.test", message.MessageId);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("\"Demo Township Clerk\" <clerk@demo-township.test>", message.From.ToString());
        Assert.Equal("resident@example.test", message.To.ToString());
        Assert.Equal("Your appeal APL-2026-000001", message.Subject);
        Assert.Equal(platform.Clock.GetUtcNow(), message.Date);
        Assert.Equal("multipart/alternative", message.Body?.ContentType.MimeType);
        Assert.Equal(body, message.TextBody?.ReplaceLineEndings("\n"));
        var html = Assert.IsType<string>(message.HtmlBody);
        Assert.Contains("<p>Hello,</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://governance.example/track/APL-2026-000001?token=a&amp;b=c\">", html, StringComparison.Ordinal);
        Assert.Contains("</a>.<br>\nThank you.</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("javascript:alert(1) and data:text/html,x", "javascript:alert(1) and data:text/html,x")]
    [InlineData("see http://a.example/\"onmouseover=\"x", "see <a href=\"http://a.example/\">http://a.example/</a>&quot;onmouseover=&quot;x")]
    [InlineData("(https://a.example/x)", "(<a href=\"https://a.example/x\">https://a.example/x</a>)")]
    [InlineData("ftp://a.example/ and HTTPS://B.example", "ftp://a.example/ and <a href=\"HTTPS://B.example\">HTTPS://B.example</a>")]
    public void The_html_alternative_encodes_everything_and_links_only_web_addresses(string text, string paragraph)
        => Assert.Contains($"<p>{paragraph}</p>", MailComposer.Html("s", text), StringComparison.Ordinal);

    [Fact]
    public void The_html_alternative_keeps_paragraphs_and_line_breaks()
    {
        var html = MailComposer.Html("Subject & <more>", "First line\r\nsecond line\r\n\r\n\r\nNext paragraph\n");
        Assert.Contains("<title>Subject &amp; &lt;more&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p>First line<br>\nsecond line</p>\n<p>Next paragraph</p>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_or_subject_with_a_line_break_adds_no_header()
    {
        await using var smtp = await SmtpPlatform.StartAsync(new()
        {
            ["Mail:From"] = "clerk@demo-township.test",
            ["Mail:FromName"] = "Clerk\r\nBcc: name@attacker.test",
            ["Mail:Smtp:Security"] = "None",
        });
        await QueueAsync(smtp.Platform, new OutgoingMail("resident@example.test",
            "Your appeal @handle\r\nBcc: subject@attacker.test\nX-Injected: yes\rContent-Type: text/html", "Body"));

        Assert.Equal(1, await DispatchAsync(smtp.Platform));

        var raw = Assert.Single(smtp.Sink.RawMessages());
        var headers = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)].Split('\n');
        Assert.Single(headers, h => h.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headers, h => h.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase)
            || h.StartsWith("X-Injected:", StringComparison.OrdinalIgnoreCase));
        Assert.Single(headers, h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("X-RcptTo: resident@example.test", headers);
        using var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("Your appeal @handle  Bcc: subject@attacker.test X-Injected: yes Content-Type: text/html", message.Subject);
        Assert.Equal("Clerk  Bcc: name@attacker.test", ((MailboxAddress)message.From.Single()).Name);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public async Task Starttls_is_required_by_default_so_a_server_without_it_gets_nothing_in_plain_text()
    {
        await using var smtp = await SmtpPlatform.StartAsync([]); // aiosmtpd without a certificate offers no STARTTLS
        var id = await QueueAsync(smtp.Platform, new OutgoingMail("resident@example.test", "Subject", "Body"));

        Assert.Equal(0, await DispatchAsync(smtp.Platform));
        Assert.Empty(smtp.Sink.RawMessages());
        using var scope = smtp.Platform.Scope();
        var failed = scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().Single(m => m.Id == id);
        Assert.Contains("STARTTLS", failed.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, null, SmtpSecurity.StartTls)]
    [InlineData(null, true, SmtpSecurity.StartTls)]
    [InlineData(null, false, SmtpSecurity.None)]
    [InlineData(SmtpSecurity.SslOnConnect, null, SmtpSecurity.SslOnConnect)]
    [InlineData(SmtpSecurity.SslOnConnect, false, SmtpSecurity.SslOnConnect)]
    [InlineData(SmtpSecurity.StartTls, false, SmtpSecurity.StartTls)]
    public void Security_is_the_new_setting_else_what_the_old_starttls_flag_said(SmtpSecurity? security, bool? startTls, SmtpSecurity expected)
        => Assert.Equal(expected, new MailOptions.SmtpSettings { Security = security, StartTls = startTls }.EffectiveSecurity);
}
