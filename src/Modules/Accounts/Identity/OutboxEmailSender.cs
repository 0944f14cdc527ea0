using System.Net;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Mail;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Accounts.Identity;

/// <summary>Identity's account e-mails (reset links, confirmations) go through the one mail outbox.</summary>
/// <remarks>Singleton because MapIdentityApi resolves it once; each message gets its own scope.</remarks>
internal sealed class OutboxEmailSender(IServiceScopeFactory scopes, Platform.Outbox.Outbox outbox) : IEmailSender<StaffUser>
{
    public Task SendConfirmationLinkAsync(StaffUser user, string email, string confirmationLink)
        => Send(email, "Confirm your Governance account",
            $"Hello {user.DisplayName},\n\nPlease confirm your e-mail address by opening this link:\n{WebUtility.HtmlDecode(confirmationLink)}\n");

    public Task SendPasswordResetLinkAsync(StaffUser user, string email, string resetLink)
        => Send(email, "Reset your Governance password",
            $"Hello {user.DisplayName},\n\nYou can choose a new password here:\n{WebUtility.HtmlDecode(resetLink)}\n\nIf you did not ask for this, you can ignore this message.\n");

    public Task SendPasswordResetCodeAsync(StaffUser user, string email, string resetCode)
        => Send(email, "Your Governance password reset code",
            $"Hello {user.DisplayName},\n\nYour password reset code is:\n{resetCode}\n\nIf you did not ask for this, you can ignore this message.\n");

    private async Task Send(string email, string subject, string body)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        outbox.Mail(db, new OutgoingMail(email, subject, body, Sensitive: true)); // links and codes that grant access
        await db.SaveChangesAsync();
    }
}
