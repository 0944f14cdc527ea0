using Governance.Accounts.Domain;

namespace Governance.Accounts.Tests;

/// <summary>ASVS 2.2.1: sign-in slows down attackers without letting anyone lock a real account.</summary>
public sealed class SignInLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static List<DateTimeOffset> Failures(int count, TimeSpan apart) => Enumerable.Range(0, count).Select(i => Now - apart * (count - i)).ToList();

    [Fact]
    public void ASVS_2_2_1_five_failures_from_one_address_are_free()
        => Assert.Null(SignInLimits.WaitBeforeSignIn(Failures(4, TimeSpan.FromSeconds(1)), Failures(4, TimeSpan.FromSeconds(1)), [], Now));

    [Theory]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 8)]
    [InlineData(20, 900)]
    public void ASVS_2_2_1_each_further_failure_doubles_the_wait_up_to_15_minutes(int failures, int seconds)
    {
        var recent = Enumerable.Repeat(Now, failures).ToList();
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInLimits.WaitBeforeSignIn(recent, recent, [], Now));
    }

    [Fact]
    public void ASVS_2_2_1_failures_older_than_the_window_are_forgotten()
    {
        var old = Enumerable.Repeat(Now - SignInLimits.Window - TimeSpan.FromSeconds(1), 50).ToList();
        Assert.Null(SignInLimits.WaitBeforeSignIn(old, old, old, Now));
    }

    [Fact]
    public void ASVS_2_2_1_one_attacker_cannot_make_the_account_wait_everywhere()
    {
        // The most one address can fail in a window with the doubling waits stays under the account-wide threshold.
        var at = Now - SignInLimits.Window;
        var fromOneAddress = new List<DateTimeOffset>();
        while (at < Now)
        {
            var wait = SignInLimits.WaitBeforeSignIn(fromOneAddress, fromOneAddress, fromOneAddress, at);
            at += wait ?? TimeSpan.FromMilliseconds(1);
            if (wait is null && at < Now)
            {
                fromOneAddress.Add(at);
            }
        }

        Assert.True(fromOneAddress.Count < SignInLimits.FreeTriesForOneAccount, $"{fromOneAddress.Count} failures");
        Assert.Null(SignInLimits.WaitBeforeSignIn([], fromOneAddress, [], Now));
    }

    [Fact]
    public void ASVS_2_2_1_many_addresses_failing_for_one_account_slow_it_everywhere_and_look_like_an_attack()
    {
        var everywhere = Enumerable.Repeat(Now, SignInLimits.FreeTriesForOneAccount).ToList();
        Assert.NotNull(SignInLimits.WaitBeforeSignIn([], everywhere, [], Now));
        Assert.True(SignInLimits.LooksLikeAnAttack(everywhere.Count));
    }

    [Fact]
    public void ASVS_2_2_1_one_address_trying_many_accounts_waits_for_the_window()
    {
        var spray = Failures(SignInLimits.TriesPerAddress, TimeSpan.FromSeconds(10));
        var wait = SignInLimits.WaitBeforeSignIn([], [], spray, Now);
        Assert.Equal(spray[0] + SignInLimits.Window - Now, wait);
    }

    [Fact]
    public void ASVS_2_5_a_few_reset_mails_an_hour_per_account_and_per_address()
    {
        Assert.True(SignInLimits.MaySendMail(Failures(2, TimeSpan.FromMinutes(1)), [], Now));
        Assert.False(SignInLimits.MaySendMail(Failures(3, TimeSpan.FromMinutes(1)), [], Now));
        Assert.False(SignInLimits.MaySendMail([], Failures(10, TimeSpan.FromMinutes(1)), Now));
        Assert.True(SignInLimits.MaySendMail(Failures(3, TimeSpan.FromMinutes(30)).Select(t => t - TimeSpan.FromMinutes(60)).ToList(), [], Now));
    }
}
