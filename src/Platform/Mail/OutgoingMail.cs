namespace Governance.Platform.Mail;

/// <summary>A plain-text e-mail to one recipient. Plain text reads well everywhere, screen readers included.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);
