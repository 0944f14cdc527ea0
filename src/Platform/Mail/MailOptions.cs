namespace Governance.Platform.Mail;

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>"Pickup" writes .eml files to <see cref="PickupFolder"/>; "Smtp" sends through <see cref="Smtp"/>.</summary>
    public string Delivery { get; set; } = "Pickup";

    public string From { get; set; } = "governance@localhost";

    public string FromName { get; set; } = "Governance";

    /// <summary>Relative paths are under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = "localhost";

        public int Port { get; set; } = 587;

        /// <summary>STARTTLS (System.Net.Mail supports no implicit TLS).</summary>
        public bool StartTls { get; set; } = true;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary>
        /// How long one delivery may take. SmtpClient's own timeout covers only synchronous sends, and a mail server
        /// that stops answering would otherwise hold the outbox job, which runs on one host of a cluster at a time.
        /// </summary>
        public int TimeoutSeconds { get; set; } = 60;
    }
}
