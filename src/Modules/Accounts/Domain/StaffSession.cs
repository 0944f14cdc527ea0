namespace Governance.Accounts.Domain;

/// <summary>
/// One sign-in, held on the server so it can end: on sign-out, after 30 minutes without use, 8 hours after it
/// began, or when the password, e-mail, roles or two-step sign-in change. Cookies and tokens carry only its id.
/// </summary>
internal sealed class StaffSession
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromHours(8);

    /// <summary>Last use is written at most this often, so reads do not each cost a write.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: "signed out", "password changed", "roles changed", ...</summary>
    public string? EndReason { get; set; }

    public string? Address { get; set; }

    /// <summary>Bumped at each token refresh; a refresh token of an older generation is a replay and ends the session.</summary>
    public int RefreshGeneration { get; set; }

    public bool IsActive(DateTimeOffset now)
        => EndedAt is null && now < ExpiresAt && now - LastSeenAt < IdleLimit;
}

/// <summary>A failed sign-in or a security e-mail sent, kept a day for the limits in <see cref="SignInLimits"/>.</summary>
internal sealed class SecurityAttempt
{
    public const string SignInFailure = "sign-in-failure";

    public const string AccountMail = "account-mail";

    public Guid Id { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>The e-mail address as typed, lower-cased: the same whether or not an account has it.</summary>
    public string Account { get; set; } = "";

    public string Address { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
