using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Platform;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Workflows.Appeals;

/// <summary>
/// A resident's appeal of a block or a removed post or comment (R8, R9; DESIGN.md section 4). Intake (the municipality's
/// social media team) identifies the account and sends the appeal to whoever runs it: the member for a member's
/// account, a social media manager other than the one who acted for a corporate account. The owner decides with
/// reasons, answering each Human Rights Code ground raised; a restore is confirmed by the owner and ends the block. A
/// resident not satisfied with an upheld action may escalate once: a member's account to the Integrity Commissioner as
/// a Code of Conduct complaint, a corporate account to the municipality's reviewer. Due dates count business days (R14).
/// </summary>
internal static class AppealFlow
{
    public const string Name = "appeal";

    public static class Stages
    {
        public const string Intake = "intake";
        public const string AwaitingInformation = "awaiting_information";
        public const string OwnerReview = "owner_review";
        public const string AwaitingRestoration = "awaiting_restoration";
        public const string Decided = "decided";
        public const string ReviewerReview = "reviewer_review";
        public const string Closed = "closed";
    }

    /// <summary>The municipality's social media team: intake screening.</summary>
    public static readonly string[] IntakeTeam = [StaffRoles.SocialMediaManager, StaffRoles.Moderator];

    /// <summary>Whoever may run an account: a member for their own, a social media manager for a corporate one (R9).</summary>
    public static readonly string[] Owners = [StaffRoles.Member, StaffRoles.SocialMediaManager];

    /// <summary>Version 1 had the Integrity Commissioner decide; migration 0005 moved its open cases to version 2.</summary>
    public static CaseFlow V2 { get; } = CaseFlow.Create(Name, 2)
        .Stage(Stages.Intake, s => s.By("The municipality's social media team", StaffRoles.SocialMediaManager).Due(5)
            .Public("Received – being checked")
            .On(new RouteToOwner(), Stages.OwnerReview, IntakeTeam)
            .On(new RequestInformation(), Stages.AwaitingInformation, IntakeTeam)
            .On(new CloseOutOfScope(), Stages.Closed, IntakeTeam))
        .Stage(Stages.AwaitingInformation, s => s.By("The resident").Waits(10)
            .Public("Waiting for more information from you")
            .On(new InformationReceived(), Stages.Intake)
            .On(new InformationOverdue(), Stages.Intake, IntakeTeam)
            .Timer("information_deadline", CaseFlow.BusinessDays(10), "10 business days", new InformationOverdue()))
        .Stage(Stages.OwnerReview, s => s.By("Whoever runs the account: the member, or a social media manager who did not take the action", StaffRoles.SocialMediaManager)
            .Due(10)
            .Public("With whoever runs the account, for a decision")
            .On(new DecideAppeal(AppealOutcome.Upheld), Stages.Decided, Owners)
            .On(new DecideAppeal(AppealOutcome.AccessRestored), Stages.AwaitingRestoration, Owners)
            .On(new DecideAppeal(AppealOutcome.ContentReinstated), Stages.AwaitingRestoration, Owners))
        .Stage(Stages.AwaitingRestoration, s => s.By("Whoever runs the account", StaffRoles.SocialMediaManager).Due(5)
            .Public("Decided – your access or content is being restored")
            .On(new ConfirmRestored(), Stages.Closed, Owners))
        .Stage(Stages.Decided, s => s.By("The resident, who may escalate once")
            .Public("Decided – the action stands; you may escalate once")
            .On(new EscalateToCommissioner(), Stages.Closed)
            .On(new EscalateToReviewer(), Stages.ReviewerReview)
            .On(new CloseWithoutEscalation(), Stages.Closed, IntakeTeam)
            .Timer("escalation_deadline", EscalationEnds, "the escalation deadline", new CloseWithoutEscalation()))
        .Stage(Stages.ReviewerReview, s => s.By("The municipality's reviewer (a clerk or administrator it names)", StaffRoles.Clerk).Due(20)
            .Public("With the municipality's reviewer")
            .On(new RecordReview(), Stages.Closed, StaffRoles.Clerk, StaffRoles.Administrator))
        .Final(Stages.Closed, "Closed")
        .Build();

    /// <summary>The start of the day after the last day to escalate, in the municipality's time zone.</summary>
    private static async ValueTask<WorkflowDue> EscalationEnds(WorkflowStepContext context, CancellationToken ct)
    {
        var db = (ComplaintsDbContext)context.Db;
        // The deciding step set the date in this transaction: read the tracked case first.
        var appeal = db.Cases.Local.FirstOrDefault(c => c.Reference == context.Instance.CorrelationId)?.Appeal
            ?? await (from c in db.Cases.IgnoreQueryFilters()
                      join a in db.Set<AppealDetails>() on c.Id equals a.CaseId
                      where c.Reference == context.Instance.CorrelationId
                      select a).FirstAsync(ct);
        var zone = await context.Services.GetRequiredService<Accounts.Contracts.IMunicipalityDirectory>()
            .FindAsync(context.Instance.MunicipalityId, ct);
        var last = appeal.EscalateBy ?? MunicipalTime.DayIn(context.Now, zone?.TimeZone);
        return new WorkflowDue(MunicipalTime.StartOf(last.AddDays(1), zone?.TimeZone), [$"The resident may escalate until the end of {last:d MMMM yyyy}."]);
    }
}
