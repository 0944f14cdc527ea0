using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Platform.Mail;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Workflows;

/// <summary>
/// Reminders and escalations for every stage with a due date: a reminder to whoever must act one business day
/// before it is due, and an escalation when it is overdue: to the Integrity Commissioner on a complaint, to the social
/// media managers on an appeal (the IC has no say over appeals, R9). Both are e-mails through
/// the outbox and internal timeline entries, written in the timer's own transaction, so each goes once.
/// </summary>
internal static class DeadlineTimers
{
    public static WorkflowDefinitionBuilder.StageBuilder WithReminders(this WorkflowDefinitionBuilder.StageBuilder stage, int dueDays)
        => stage
            .Timer("reminder", CaseFlow.BusinessDays(Math.Max(0, dueDays - 1)), onFire: RemindAsync)
            .Timer("escalation", CaseFlow.BusinessDays(dueDays), onFire: EscalateAsync);

    private static async Task RemindAsync(WorkflowStepContext context, CancellationToken ct)
    {
        var (caseId, reference, recipients) = await WhoMustActAsync(context, ct);
        foreach (var email in recipients)
        {
            Mail(context, email, $"Reminder: {reference} is due tomorrow",
                $"Case {reference} is at the stage '{context.Instance.Stage.Replace('_', ' ')}' and is due by the end of the next business day.");
        }

        Note(context, caseId, $"Reminder sent to {recipients.Count} person(s) who must act.");
    }

    private static async Task EscalateAsync(WorkflowStepContext context, CancellationToken ct)
    {
        var (caseId, reference, _) = await WhoMustActAsync(context, ct);
        var staff = await context.Services.GetRequiredService<IStaffDirectory>().StaffOfAsync(context.Instance.MunicipalityId, ct);
        var appeal = context.Instance.DefinitionName == Appeals.AppealFlow.Name;
        var supervisor = appeal ? StaffRoles.SocialMediaManager : StaffRoles.IntegrityCommissioner;
        foreach (var person in staff.Where(s => s.Roles.Contains(supervisor)))
        {
            Mail(context, person.Email, $"Overdue: {reference}",
                $"Case {reference} is overdue at the stage '{context.Instance.Stage.Replace('_', ' ')}'. Please see that it moves on.");
        }

        Note(context, caseId, appeal ? "Overdue: escalated to the social media managers." : "Overdue: escalated to the Integrity Commissioner.");
    }

    /// <summary>The assignee role's staff, the member concerned, or the account's responsible person.</summary>
    private static async Task<(Guid CaseId, string Reference, IReadOnlyList<string> Emails)> WhoMustActAsync(WorkflowStepContext context, CancellationToken ct)
    {
        var db = (ComplaintsDbContext)context.Db;
        var found = await db.Cases.IgnoreQueryFilters().Include(c => c.Appeal).Include(c => c.Complaint)
            .FirstAsync(c => c.Reference == context.Instance.CorrelationId, ct);
        var staff = await context.Services.GetRequiredService<IStaffDirectory>().StaffOfAsync(found.MunicipalityId, ct);
        var role = context.Services.GetRequiredService<WorkflowRegistry>()
            .Get(context.Instance.DefinitionName, context.Instance.DefinitionVersion).Stage(context.Instance.Stage).AssigneeRole;
        IReadOnlyList<string> emails = role switch
        {
            StaffRoles.Member when found.Complaint is { } c => staff.Where(s => s.UserId == c.MemberUserId).Select(s => s.Email).ToList(),
            // R9: a member's account's appeal waits on the member; a corporate one on its managers.
            StaffRoles.SocialMediaManager when found.Appeal is { OwnerKind: Domain.AccountOwnerKind.Member } a
                => staff.Where(s => s.UserId == a.OwnerUserId).Select(s => s.Email).ToList(),
            StaffRoles.SocialMediaManager when found.Appeal?.AccountId is { } accountId
                => await context.Services.GetRequiredService<IAccountRegistry>().FindAsync(found.MunicipalityId, accountId, ct) is { } account
                    ? [account.ResponsibleEmail]
                    : [],
            null => [found.ContactEmail],
            _ => found.AssignedToUserId is { } assignee
                ? staff.Where(s => s.UserId == assignee).Select(s => s.Email).ToList()
                : staff.Where(s => s.Roles.Contains(role)).Select(s => s.Email).ToList(),
        };
        return (found.Id, found.Reference, emails.Where(e => e.Length > 0).ToList());
    }

    private static void Mail(WorkflowStepContext context, string to, string subject, string body)
        => context.Services.GetRequiredService<Platform.Outbox.Outbox>()
            .Mail(context.Db, new OutgoingMail(to, subject, body + "\n"), context.Instance.MunicipalityId);

    private static void Note(WorkflowStepContext context, Guid caseId, string text)
        => ((ComplaintsDbContext)context.Db).Timeline.Add(new Domain.TimelineEntry
        {
            Id = Guid.NewGuid(), CaseId = caseId, MunicipalityId = context.Instance.MunicipalityId, At = context.Now,
            Visibility = Domain.Visibility.Internal, Text = text, By = "system",
        });
}
