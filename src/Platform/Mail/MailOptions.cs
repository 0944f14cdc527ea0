namespace Governance.Platform.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS at all: only for a test server on the same machine.</summary>
    None,
}

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

        /// <summary><c>StartTls</c> unless set; see <see cref="EffectiveSecurity"/>.</summary>
        public SmtpSecurity? Security { get; set; }

        /// <summary>The setting before <see cref="Security"/>: still read, so <c>false</c> keeps meaning no TLS.</summary>
        public bool? StartTls { get; set; }

        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary>
        /// How long one delivery may take. A mail server that stops answering would otherwise hold the outbox job,
        /// which runs on one host of a cluster at a time.
        /// </summary>
        public int TimeoutSeconds { get; set; } = 60;

        /// <summary><see cref="Security"/> if set, else what the older <see cref="StartTls"/> said, else STARTTLS.</summary>
        public SmtpSecurity EffectiveSecurity => Security ?? (StartTls == false ? SmtpSecurity.None : SmtpSecurity.StartTls);
    }
}
