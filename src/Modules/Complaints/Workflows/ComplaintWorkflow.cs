using Governance.Accounts.Contracts;
using Governance.Elections.Contracts;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Workflows;

/// <summary>
/// Code of Conduct complaint (DESIGN.md section 4, R12, R13, R16): intake (held in the election blackout),
/// preliminary assessment (dismiss, informal resolution or investigate), notice to the member and their
/// response, the complainant's reply, the Human Rights Code review where discrimination or harassment is
/// alleged, the draft report for the member's comment, the final report, and council's decision.
/// </summary>
internal static class ComplaintWorkflow
{
    public const string Name = "complaint";

    /// <summary>Who works the case: takes its steps and writes its notes.</summary>
    public static readonly string[] CaseTeam = [StaffRoles.IntegrityCommissioner, StaffRoles.Investigator];
    private const string Ic = StaffRoles.IntegrityCommissioner;

    public static IReadOnlyDictionary<string, int> DueDays { get; } = new Dictionary<string, int>
    {
        ["intake"] = 10, ["awaiting_information"] = 10, ["preliminary_assessment"] = 10, ["member_response"] = 10,
        ["complainant_reply"] = 10, ["investigation"] = 30, ["hr_review"] = 10, ["member_comment"] = 10, ["final_report"] = 10,
        ["council_decision"] = 40,
    };

    /// <summary>The day after voting day at the latest; the hold ends then and intake starts.</summary>
    public const string Held = "held";

    public static WorkflowDefinition V1 { get; } = WorkflowDefinition.Create(Name, 1)
        .Stage("intake", s => s.AssignedTo(Ic).DueAt(Days("intake")).WithReminders(DueDays["intake"])
            .On("accept_for_assessment", "preliminary_assessment", CaseTeam)
            .On("request_information", "awaiting_information", CaseTeam)
            .On("hold_for_blackout", Held, CaseTeam))
        .Stage(Held, s => s
            .On("resume_after_blackout", "intake", CaseTeam)
            .Timer("blackout_over", DayAfterBlackout, action: "resume_after_blackout"))
        .Stage("awaiting_information", s => s.DueAt(Days("awaiting_information"))
            .On(ResidentSteps.InformationReceived, "intake")
            .On("information_overdue", "intake", CaseTeam)
            .Timer("information_deadline", Days("awaiting_information"), action: "information_overdue"))
        .Stage("preliminary_assessment", s => s.AssignedTo(Ic).DueAt(Days("preliminary_assessment")).WithReminders(DueDays["preliminary_assessment"])
            .On("dismiss", "closed", Ic)
            .On("resolve_informally", "closed", Ic)
            .On("investigate", "member_response", Ic))
        .Stage("member_response", s => s.AssignedTo(StaffRoles.Member).DueAt(Days("member_response")).WithReminders(DueDays["member_response"])
            .On("submit_response", "complainant_reply", StaffRoles.Member)
            .On("response_overdue", "complainant_reply", CaseTeam)
            .Timer("response_deadline", Days("member_response"), action: "response_overdue"))
        .Stage("complainant_reply", s => s.AssignedTo(StaffRoles.Investigator).DueAt(Days("complainant_reply")).WithReminders(DueDays["complainant_reply"])
            .On("record_reply", "investigation", CaseTeam)
            .On("no_reply", "investigation", CaseTeam))
        .Stage("investigation", s => s.AssignedTo(StaffRoles.Investigator).DueAt(Days("investigation")).WithReminders(DueDays["investigation"])
            .On("request_hr_review", "hr_review", CaseTeam)
            .On("send_draft_report", "member_comment", Ic))
        .Stage("hr_review", s => s.AssignedTo(StaffRoles.Investigator).DueAt(Days("hr_review")).WithReminders(DueDays["hr_review"])
            .On("complete_review", "investigation", CaseTeam))
        .Stage("member_comment", s => s.AssignedTo(StaffRoles.Member).DueAt(Days("member_comment")).WithReminders(DueDays["member_comment"])
            .On("submit_comment", "final_report", StaffRoles.Member)
            .On("comment_overdue", "final_report", CaseTeam)
            .Timer("comment_deadline", Days("member_comment"), action: "comment_overdue"))
        .Stage("final_report", s => s.AssignedTo(Ic).DueAt(Days("final_report")).WithReminders(DueDays["final_report"])
            .On("issue_final_report", "council_decision", Ic))
        .Stage("council_decision", s => s.AssignedTo(StaffRoles.Clerk).DueAt(Days("council_decision")).WithReminders(DueDays["council_decision"])
            .On("record_council_decision", "closed", StaffRoles.Clerk, Ic))
        .Final("closed")
        .Build();

    private static WorkflowTime Days(string stage) => AppealWorkflow.BusinessDays(DueDays[stage]);

    /// <summary>R12: the start of the day after voting day, in the municipality's time zone.</summary>
    private static async ValueTask<DateTimeOffset> DayAfterBlackout(WorkflowStepContext context, CancellationToken ct)
    {
        var services = context.Services;
        var municipality = await services.GetRequiredService<IMunicipalityDirectory>().FindAsync(context.Instance.MunicipalityId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(municipality?.TimeZone ?? "America/Toronto");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).DateTime);
        var blackout = await services.GetRequiredService<IElectionCalendar>().BlackoutOnAsync(context.Instance.MunicipalityId, today, ct);
        var resume = (blackout.Ends ?? today).AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(resume, zone.GetUtcOffset(resume)).ToUniversalTime(); // stored as UTC: PostgreSQL takes no other offset
    }

    public static string PublicStage(string stage) => stage switch
    {
        "intake" => "Received – being checked",
        Held => "On hold until after the election (voting day)",
        "awaiting_information" => "Waiting for more information from you",
        "preliminary_assessment" => "Being assessed",
        "member_response" => "The member has been notified and may respond",
        "complainant_reply" => "You may reply to the member's response",
        "investigation" or "hr_review" => "Under investigation",
        "member_comment" => "Draft report with the member for comment",
        "final_report" => "Final report being prepared",
        "council_decision" => "Report before council",
        "closed" => "Closed",
        _ => stage,
    };
}
