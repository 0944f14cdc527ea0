using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Governance.Platform.Mail;

/// <summary>
/// Turns an outbox mail into the MIME message sent or written to the pickup folder: the plain text as written, an
/// HTML alternative made from it, the outbox's stable Message-ID, and <c>Auto-Submitted</c> so auto-responders stay quiet.
/// </summary>
internal static partial class MailComposer
{
    public static MimeMessage Compose(Guid messageId, OutgoingMail mail, MailOptions settings, DateTimeOffset date)
    {
        var from = new MailboxAddress(OneLine(settings.FromName), settings.From);
        var subject = OneLine(mail.Subject);
        var message = new MimeMessage
        {
            Subject = subject,
            Date = date,
            // A stable Message-ID lets receivers discard a copy re-sent after a crash mid-delivery.
            MessageId = $"{messageId:N}@{from.Domain}",
            Body = new BodyBuilder { TextBody = mail.Body, HtmlBody = Html(subject, mail.Body) }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress("", OneLine(mail.To)));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>One line, whatever a name or handle in it held: a line break would end the header.</summary>
    internal static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    /// <summary>
    /// The text as HTML: every character encoded, blank lines as paragraphs, line breaks kept, and only http(s)
    /// addresses made links, so nothing in the text can become markup or a script link.
    /// </summary>
    internal static string Html(string subject, string text)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head>\n<body>\n");
        var paragraphs = ParagraphBreak().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n'));
        foreach (var paragraph in paragraphs.Where(p => p.Trim().Length > 0))
        {
            html.Append("<p>").AppendJoin("<br>\n", paragraph.Split('\n').Select(Linked)).Append("</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Linked(string line)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in WebAddress().Matches(line))
        {
            // Punctuation that ends a sentence is not part of the address.
            var address = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'');
            html.Append(WebUtility.HtmlEncode(line[at..match.Index]));
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                var encoded = WebUtility.HtmlEncode(address);
                html.Append("<a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a>");
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(address));
            }

            at = match.Index + address.Length;
        }

        return html.Append(WebUtility.HtmlEncode(line[at..])).ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
