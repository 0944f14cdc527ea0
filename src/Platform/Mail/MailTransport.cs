using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Governance.Platform.Mail;

/// <summary>Hands one message to the configured delivery: a pickup folder or an SMTP server.</summary>
public sealed class MailTransport(IOptions<MailOptions> options, StoragePaths paths)
{
    public async Task SendAsync(Guid messageId, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From, settings.FromName),
            // One line, whatever a name or handle in it held: a line break would end the header.
            Subject = string.Concat(mail.Subject.Select(c => char.IsControl(c) ? ' ' : c)),
            Body = mail.Body,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        message.To.Add(mail.To);
        // A stable Message-ID lets receivers discard a copy re-sent after a crash mid-delivery.
        var domain = message.From.Host;
        message.Headers.Add("Message-ID", $"<{messageId:N}@{domain}>");

        using var client = new SmtpClient();
        if (string.Equals(settings.Delivery, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            client.Host = settings.Smtp.Host;
            client.Port = settings.Smtp.Port;
            client.EnableSsl = settings.Smtp.StartTls;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
            }
        }
        else
        {
            var folder = paths.Resolve(settings.PickupFolder);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.Smtp.TimeoutSeconds)));
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed attempt like any other: the outbox backs off and tries again, and the host's batch moves on.
            throw new SmtpException($"The mail server did not finish within {settings.Smtp.TimeoutSeconds} seconds.");
        }
    }
}
