namespace Governance.Accounts.Domain;

/// <summary>
/// How often sign-in may be tried and security e-mails sent (OWASP ASVS 2.2.1: anti-automation without letting
/// anyone lock a real account). Keyed on the e-mail address as typed, so real and unknown accounts are treated
/// alike. One person at one address gets five free tries, then waits 1, 2, 4 ... seconds (at most 15 minutes)
/// after each failure, so a single attacker cannot make the whole account wait; an account failing from many
/// addresses at once slows down everywhere, and that is logged as an attack.
/// </summary>
internal static class SignInLimits
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>Failures for one account from one address before each try waits.</summary>
    public const int FreeTriesFromOneAddress = 5;

    /// <summary>Failures for one account from all addresses before each try, from anywhere, waits.</summary>
    public const int FreeTriesForOneAccount = 20;

    /// <summary>Failures from one address, whatever the account, before the address must wait for the window.</summary>
    public const int TriesPerAddress = 30;

    public static readonly TimeSpan MailWindow = TimeSpan.FromHours(1);

    /// <summary>Password-reset and confirmation e-mails to one account an hour.</summary>
    public const int MailsPerAccount = 3;

    /// <summary>Such e-mails requested from one address an hour.</summary>
    public const int MailsPerAddress = 10;

    /// <summary>How long to wait before this sign-in may be tried, or null if it may be tried now.</summary>
    /// <param name="fromThisAddress">Recent failures for this account from this address.</param>
    /// <param name="forThisAccount">Recent failures for this account from any address.</param>
    /// <param name="fromThisAddressAnyAccount">Recent failures from this address for any account.</param>
    public static TimeSpan? WaitBeforeSignIn(IReadOnlyCollection<DateTimeOffset> fromThisAddress,
        IReadOnlyCollection<DateTimeOffset> forThisAccount, IReadOnlyCollection<DateTimeOffset> fromThisAddressAnyAccount,
        DateTimeOffset now)
    {
        var waits = new[]
        {
            Backoff(fromThisAddress, FreeTriesFromOneAddress, now),
            Backoff(forThisAccount, FreeTriesForOneAccount, now),
            Cap(fromThisAddressAnyAccount, TriesPerAddress, Window, now),
        };
        var longest = waits.Max();
        return longest > TimeSpan.Zero ? longest : null;
    }

    /// <summary>Whether another password-reset or confirmation e-mail may go out now.</summary>
    public static bool MaySendMail(IReadOnlyCollection<DateTimeOffset> toThisAccount, IReadOnlyCollection<DateTimeOffset> fromThisAddress,
        DateTimeOffset now)
        => Cap(toThisAccount, MailsPerAccount, MailWindow, now) == TimeSpan.Zero
           && Cap(fromThisAddress, MailsPerAddress, MailWindow, now) == TimeSpan.Zero;

    /// <summary>Whether failures for one account from several addresses look like an attack worth an alert.</summary>
    public static bool LooksLikeAnAttack(int recentFailuresForAccount) => recentFailuresForAccount >= FreeTriesForOneAccount;

    private static TimeSpan Backoff(IReadOnlyCollection<DateTimeOffset> failures, int free, DateTimeOffset now)
    {
        var recent = failures.Where(f => now - f < Window).ToList();
        if (recent.Count < free)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(recent.Count - free, 20);
        var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, doublings), LongestWait.TotalSeconds));
        var until = recent.Max() + wait;
        return until > now ? until - now : TimeSpan.Zero;
    }

    private static TimeSpan Cap(IReadOnlyCollection<DateTimeOffset> events, int limit, TimeSpan window, DateTimeOffset now)
    {
        var recent = events.Where(e => now - e < window).Order().ToList();
        if (recent.Count < limit)
        {
            return TimeSpan.Zero;
        }

        // Wait until enough of them have left the window to be under the limit again.
        var until = recent[recent.Count - limit] + window;
        return until > now ? until - now : TimeSpan.Zero;
    }
}
