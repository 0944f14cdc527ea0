using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform;
using Governance.Platform.Mail;
using Governance.Platform.Scheduling;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Jobs;

/// <summary>Tells an account's responsible person when a block reaches its review or end date, every 15 minutes.</summary>
internal sealed class SendBlockReviewRemindersJob(BlockReviewReminders reminders) : IScheduledJob
{
    public const string Id = "send-block-review-reminders";

    public Task RunAsync(CancellationToken cancellationToken) => reminders.SendDueAsync(cancellationToken);
}

/// <summary>
/// Each reminder is a <see cref="BlockReminder"/> row keyed by block and date, written in the same transaction as its
/// e-mail and the block's "sent" mark, so it goes once whatever restarts, retries or second hosts there are.
/// </summary>
internal sealed class BlockReviewReminders(AccountsDbContext db, ITenantScope tenant, Platform.Outbox.Outbox outbox, TimeProvider clock)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        tenant.RunAsSystem();
        var now = clock.GetUtcNow();
        var candidates = await (from b in db.Blocks
                                join a in db.Accounts on b.AccountId equals a.Id
                                join m in db.Municipalities on a.MunicipalityId equals m.Id
                                where b.EndedAt == null && b.ReminderSentAt == null && (b.ReviewOn != null || b.EndsOn != null)
                                select new { Block = b, Account = a, m.TimeZone }).ToListAsync(ct);
        var sent = 0;
        foreach (var due in candidates)
        {
            var today = clock.TodayIn(due.TimeZone);
            var date = new[] { due.Block.ReviewOn, due.Block.EndsOn }.Where(d => d is not null).Min()!.Value;
            if (date > today)
            {
                continue;
            }

            var what = due.Block.EndsOn <= today ? $"was set to end on {due.Block.EndsOn:d MMMM yyyy}" : $"is due for review ({due.Block.ReviewOn:d MMMM yyyy})";
            db.BlockReminders.Add(new BlockReminder { BlockId = due.Block.Id, DueOn = date, MunicipalityId = due.Account.MunicipalityId, SentAt = now });
            outbox.Mail(db, new OutgoingMail(due.Account.ResponsibleEmail,
                $"Block review due: {due.Block.TargetHandle} on {due.Account.Handle}",
                $"Hello {due.Account.ResponsibleName},\n\nThe block of {due.Block.TargetHandle} on {due.Account.Platform} account "
                + $"{due.Account.Handle} {what}.\n\nPlease review it: keep it with a new review date, or unblock the person and "
                + "record the unblock in Governance.\n"), due.Account.MunicipalityId);
            db.Attach(due.Block).Entity.ReminderSentAt = now; // attached again if an earlier conflict cleared the tracker
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another run wrote this reminder first: its key is taken, nothing is sent twice
            }
        }

        return sent;
    }
}
