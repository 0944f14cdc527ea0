using Governance.Platform.Workflows;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Workflows;

/// <summary>
/// Block/removal appeal (DESIGN.md section 4, R8, R9): intake screening (or a request for more information,
/// with a deadline), the Human Rights Code review, the decision, and for a restore the owner's confirmation.
/// Due dates count business days with the municipality's calendar (R14).
/// </summary>
internal static class AppealWorkflow
{
    public const string Name = "appeal";

    /// <summary>Who works the case: takes its steps and writes its notes.</summary>
    public static readonly string[] CaseTeam = [StaffRoles.IntegrityCommissioner, StaffRoles.Investigator];

    /// <summary>Business days each stage has (R14); the case page explains its deadline from the same numbers.</summary>
    public static IReadOnlyDictionary<string, int> DueDays { get; } = new Dictionary<string, int>
    {
        ["intake"] = 5, ["awaiting_information"] = 10, ["hr_review"] = 10, ["decision"] = 10, ["awaiting_restoration"] = 5,
    };

    /// <summary>The stage whose actions close the case.</summary>
    public const string Closed = "closed";

    public static WorkflowDefinition V1 { get; } = WorkflowDefinition.Create(Name, 1)
        .Stage("intake", s => s.AssignedTo(StaffRoles.Investigator).DueAt(BusinessDays(DueDays["intake"])).WithReminders(DueDays["intake"])
            .On("accept", "hr_review", CaseTeam)
            .On("request_information", "awaiting_information", CaseTeam)
            .On("close_out_of_scope", "closed", CaseTeam))
        .Stage("awaiting_information", s => s.DueAt(BusinessDays(DueDays["awaiting_information"]))
            .On(ResidentSteps.InformationReceived, "intake")
            .On("information_overdue", "intake", CaseTeam)
            .Timer("information_deadline", BusinessDays(DueDays["awaiting_information"]), action: "information_overdue"))
        .Stage("hr_review", s => s.AssignedTo(StaffRoles.Investigator).DueAt(BusinessDays(DueDays["hr_review"])).WithReminders(DueDays["hr_review"])
            .On("complete_review", "decision", CaseTeam))
        .Stage("decision", s => s.AssignedTo(StaffRoles.IntegrityCommissioner).DueAt(BusinessDays(DueDays["decision"])).WithReminders(DueDays["decision"])
            .On("uphold", "closed", StaffRoles.IntegrityCommissioner)
            .On("restore_access", "awaiting_restoration", StaffRoles.IntegrityCommissioner)
            .On("reinstate_content", "awaiting_restoration", StaffRoles.IntegrityCommissioner)
            .On("refer_as_complaint", "closed", StaffRoles.IntegrityCommissioner))
        .Stage("awaiting_restoration", s => s.AssignedTo(StaffRoles.SocialMediaManager).DueAt(BusinessDays(DueDays["awaiting_restoration"])).WithReminders(DueDays["awaiting_restoration"])
            .On("confirm_restored", "closed", StaffRoles.SocialMediaManager, StaffRoles.Administrator, StaffRoles.Member))
        .Final("closed")
        .Build();

    /// <summary>The end of the n-th business day from now in the case's municipality.</summary>
    public static WorkflowTime BusinessDays(int days) => async (context, ct) =>
        (await context.Services.GetRequiredService<IServiceCalendar>()
            .AddBusinessDaysAsync(context.Instance.MunicipalityId, context.Now, days, ct)).Due;

    /// <summary>What a resident sees of each stage.</summary>
    public static string PublicStage(string stage) => stage switch
    {
        "intake" => "Received – being checked",
        "awaiting_information" => "Waiting for more information from you",
        "hr_review" => "Under review",
        "decision" => "Decision being made",
        "awaiting_restoration" => "Decided – access or content being restored",
        "closed" => "Closed",
        _ => stage,
    };
}
