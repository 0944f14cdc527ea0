using Governance.Accounts.Data;
using Governance.Platform.Mail;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Governance.Accounts.Jobs;

/// <summary>
/// Tells an account's responsible person when a block reaches its review or end date. The reminder and its
/// "sent" mark commit together, so it goes once, whatever restarts or retries happen.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SendBlockReviewRemindersJob(BlockReviewReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await reminders.SendDueAsync(cancellationToken);
}

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
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(due.TimeZone)).DateTime);
            var date = new[] { due.Block.ReviewOn, due.Block.EndsOn }.Where(d => d is not null).Min();
            if (date > today)
            {
                continue;
            }

            var what = due.Block.EndsOn <= today ? $"was set to end on {due.Block.EndsOn:d MMMM yyyy}" : $"is due for review ({due.Block.ReviewOn:d MMMM yyyy})";
            outbox.Mail(db, new OutgoingMail(due.Account.ResponsibleEmail,
                $"Block review due: {due.Block.TargetHandle} on {due.Account.Handle}",
                $"Hello {due.Account.ResponsibleName},\n\nThe block of {due.Block.TargetHandle} on {due.Account.Platform} account "
                + $"{due.Account.Handle} {what}.\n\nPlease review it: keep it with a new review date, or unblock the person and "
                + "record the unblock in Governance.\n"), due.Account.MunicipalityId);
            due.Block.ReminderSentAt = now;
            await db.SaveChangesAsync(ct);
            sent++;
        }

        return sent;
    }
}
