using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Governance.Platform.Mail;

/// <summary>Hands one message to the configured delivery: a pickup folder of .eml files or an SMTP server.</summary>
public sealed class MailTransport(IOptions<MailOptions> options, StoragePaths paths, TimeProvider clock)
{
    public async Task SendAsync(Guid messageId, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = MailComposer.Compose(messageId, mail, settings, clock.GetUtcNow());
        var seconds = Math.Max(1, settings.Smtp.TimeoutSeconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            if (string.Equals(settings.Delivery, "Smtp", StringComparison.OrdinalIgnoreCase))
            {
                await SendSmtpAsync(message, settings.Smtp, seconds, timeout.Token);
            }
            else
            {
                await WritePickupAsync(messageId, message, paths.Resolve(settings.PickupFolder), timeout.Token);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && (ex is OperationCanceledException or TimeoutException || ex.InnerException is TimeoutException))
        {
            // A failed attempt like any other: the outbox backs off and tries again, and the host's batch moves on.
            throw new TimeoutException($"The mail server did not finish within {seconds} seconds.", ex);
        }
    }

    private static async Task SendSmtpAsync(MimeMessage message, MailOptions.SmtpSettings smtp, int seconds, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = seconds * 1000 };
        var security = smtp.EffectiveSecurity switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            // Required, not opportunistic: a server that does not offer STARTTLS is an error, not plain text.
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>
    /// Named by the outbox id, so a copy re-sent after a crash replaces the first; written aside and renamed, so
    /// whatever collects the folder never reads half a message. Owner-only, as the process umask makes every file.
    /// </summary>
    private static async Task WritePickupAsync(Guid messageId, MimeMessage message, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{messageId:N}.eml");
        var partial = Path.Combine(folder, $".{messageId:N}.partial");
        // 7-bit, as an SMTP server without 8BITMIME would be sent it: the file can go anywhere as it is.
        message.Prepare(EncodingConstraint.SevenBit);
        await using (var stream = File.Create(partial))
        {
            await message.WriteToAsync(stream, ct);
        }

        File.Move(partial, file, overwrite: true);
    }
}
