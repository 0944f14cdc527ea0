using Governance.SharedKernel;

namespace Governance.Bench;

/// <summary>
/// One stage of a seeded workflow, as the host's definitions have it (Complaints/Workflows, and the flow snapshots in
/// tests/Complaints.Tests/Snapshots): the task's assignee role, its due business days (none: no due date), whether
/// reminder and escalation timers run, and the timer that takes a step for someone who did not act.
/// </summary>
internal sealed record StageInfo(string Name, string? AssigneeRole, int? DueDays, bool Reminders, string? ActionTimer);

/// <summary>
/// A step a case took: the workflow action and the stage it led to; <paramref name="ByTimer"/> when the stage's
/// action timer took it (nobody acted by the deadline); <paramref name="Detail"/> what the step chose (a disposition).
/// </summary>
internal sealed record Step(string Action, string Target, bool ByTimer = false, string? Detail = null);

/// <summary>
/// The ways a case goes through the appeal flow (version 2: the account's owner decides, one escalation) and the
/// complaint flow (version 2: coded dispositions, the member's response shared, the report public on issue), with how
/// often each happens. The seed replays them as the runtime would have recorded them: bookmarks, journal, timeline,
/// audit entries and e-mails.
/// </summary>
internal static class CaseStories
{
    public const int AppealVersion = 2;

    public const int ComplaintVersion = 2;

    /// <summary>The protocol's default time to escalate an upheld appeal (ComplaintProtocol.AppealEscalationDays).</summary>
    public const int EscalationDays = 30;

    public static readonly IReadOnlyDictionary<string, StageInfo> AppealStages = new[]
    {
        new StageInfo("intake", StaffRoles.SocialMediaManager, 5, true, null),
        new StageInfo("awaiting_information", null, 10, false, "information_deadline"),
        new StageInfo("owner_review", StaffRoles.SocialMediaManager, 10, true, null),
        new StageInfo("awaiting_restoration", StaffRoles.SocialMediaManager, 5, true, null),
        new StageInfo("decided", null, null, false, "escalation_deadline"),
        new StageInfo("reviewer_review", StaffRoles.Clerk, 20, true, null),
    }.ToDictionary(s => s.Name);

    public static readonly IReadOnlyDictionary<string, StageInfo> ComplaintStages = new[]
    {
        new StageInfo("intake", StaffRoles.IntegrityCommissioner, 10, true, null),
        new StageInfo("awaiting_information", null, 10, false, "information_deadline"),
        new StageInfo("preliminary_assessment", StaffRoles.IntegrityCommissioner, 10, true, null),
        new StageInfo("member_response", StaffRoles.Member, 10, true, "response_deadline"),
        new StageInfo("response_review", StaffRoles.IntegrityCommissioner, 5, true, null),
        new StageInfo("complainant_reply", null, 10, false, "reply_deadline"),
        new StageInfo("investigation", StaffRoles.Investigator, 30, true, null),
        new StageInfo("hr_review", StaffRoles.Investigator, 10, true, null),
        new StageInfo("member_comment", StaffRoles.Member, 10, true, "comment_deadline"),
        new StageInfo("final_report", StaffRoles.IntegrityCommissioner, 10, true, null),
        new StageInfo("publication", StaffRoles.IntegrityCommissioner, 5, true, null),
        new StageInfo("council_decision", StaffRoles.Clerk, 40, true, null),
    }.ToDictionary(s => s.Name);

    private static readonly Step Route = new("route_to_owner", "owner_review");
    private static readonly Step AskForInformation = new("request_information", "awaiting_information");
    private static readonly Step Answered = new("information_received", "intake");

    /// <summary>Appeal paths; <see cref="ReviewerPath"/> needs a corporate account (a member's goes to the IC instead).</summary>
    public static readonly (int Weight, Step[] Steps)[] AppealPaths =
    [
        (15, [new("close_out_of_scope", "closed")]),
        (4, [AskForInformation, new("information_overdue", "intake", ByTimer: true), new("close_out_of_scope", "closed")]),
        (30, [Route, new("uphold", "decided"), new("close_without_escalation", "closed", ByTimer: true)]),
        (8, [Route, new("uphold", "decided"), new("escalate_to_reviewer", "reviewer_review"), new("record_review", "closed")]),
        (25, [Route, new("restore_access", "awaiting_restoration"), new("confirm_restored", "closed")]),
        (10, [AskForInformation, Answered, Route, new("reinstate_content", "awaiting_restoration"), new("confirm_restored", "closed")]),
        (8, [AskForInformation, Answered, Route, new("uphold", "decided"), new("close_without_escalation", "closed", ByTimer: true)]),
    ];

    /// <summary>An upheld appeal the resident takes to the municipality's reviewer: only a corporate account's.</summary>
    public static bool ReviewerPath(Step[] path) => path.Any(s => s.Action == "escalate_to_reviewer");

    /// <summary>Sent to whoever runs the account: intake must have identified it in the registry.</summary>
    public static bool Routed(Step[] path) => path.Any(s => s.Action == "route_to_owner");

    private static readonly Step Accept = new("accept_for_assessment", "preliminary_assessment");
    private static readonly Step Investigate = new("investigate", "member_response");
    private static readonly Step[] Report =
    [
        new("send_draft_report", "member_comment"), new("submit_comment", "final_report"), new("prepare_final_report", "publication"),
        new("issue_final_report", "council_decision"), new("record_council_decision", "closed"),
    ];

    public static readonly (int Weight, Step[] Steps)[] ComplaintPaths =
    [
        (10, [new("dispose", "closed", Detail: "OutOfTime")]),
        (22, [Accept, new("dispose", "closed", Detail: "InsufficientGrounds")]),
        (8, [Accept, new("dispose", "closed", Detail: "OutsideJurisdiction")]),
        (15, [Accept, new("dispose", "closed", Detail: "ResolvedInformally")]),
        (5, [AskForInformation, Answered, Accept, new("dispose", "closed", Detail: "InsufficientGrounds")]),
        (25, [Accept, Investigate, new("submit_response", "response_review"), new("share_response", "complainant_reply"),
            new("submit_reply", "investigation"), .. Report]),
        (5, [Accept, Investigate, new("submit_response", "response_review"), new("share_response", "complainant_reply"),
            new("no_reply", "investigation", ByTimer: true), .. Report]),
        (10, [Accept, Investigate, new("response_overdue", "investigation", ByTimer: true), new("request_hr_review", "hr_review"),
            new("complete_review", "investigation"), new("send_draft_report", "member_comment"),
            new("comment_overdue", "final_report", ByTimer: true), new("prepare_final_report", "publication"),
            new("issue_final_report", "council_decision"), new("record_council_decision", "closed")]),
    ];

    public static Step[] Pick(Random random, (int Weight, Step[] Steps)[] paths)
    {
        var roll = random.Next(paths.Sum(p => p.Weight));
        foreach (var (weight, steps) in paths)
        {
            if (roll < weight)
            {
                return steps;
            }

            roll -= weight;
        }

        return paths[^1].Steps;
    }

    /// <summary>
    /// Who takes an action: "resident"; "member" (the member complained about); "owner" (whoever runs the account
    /// appealed); "team" (the case's assignee: the social media team on an appeal, the IC's team on a complaint); or a
    /// demo staff role. A step a timer took is the system's.
    /// </summary>
    public static string Actor(string action) => action switch
    {
        "information_received" or "submit_reply" or "escalate_to_reviewer" => "resident",
        "submit_response" or "submit_comment" => "member",
        "uphold" or "restore_access" or "reinstate_content" or "confirm_restored" => "owner",
        "dispose" or "investigate" or "share_response" or "send_draft_report" or "prepare_final_report" or "issue_final_report"
            => StaffRoles.IntegrityCommissioner,
        "record_council_decision" or "record_review" => StaffRoles.Clerk,
        _ => "team",
    };

    /// <summary>
    /// What the timeline says about a step (as the host's step writes it; the seeder fills in what depends on the case),
    /// its visibility (1 public, 2 the parties, 3 internal), and whether the resident is e-mailed.
    /// </summary>
    public static (string Text, int Visibility, bool MailsResident) Timeline(string action) => action switch
    {
        "request_information" => ("We need more information: please send a screenshot of the removed comment.", 1, true),
        "information_received" => ("The resident sent more information.", 1, false),
        "information_overdue" => ("The time to send more information passed; we went on with what we have.", 1, false),
        "close_out_of_scope" => ("We closed your appeal: the account is not one the municipality or a member of council runs.", 1, true),
        "restore_access" => ("Decision: Your access will be restored. You will be told when it is done. Reasons: the block was not graduated.", 1, true),
        "reinstate_content" => ("Decision: Your content will be put back. You will be told when it is done. Reasons: criticism of council is not a reason to remove a comment.", 1, true),
        "escalate_to_reviewer" => ("You asked the municipality's reviewer to look at your appeal.", 1, true),
        "record_review" => ("The municipality's reviewer confirmed the decision. Reasons: the rule was posted and applied as written. "
            + "If you are still not satisfied, you may complain to the Ombudsman of Ontario, who reviews municipal services: "
            + "www.ombudsman.on.ca or 1-800-263-1830.", 1, true),
        "close_without_escalation" => ("The time to escalate passed: your appeal is closed.", 1, false),
        "accept_for_assessment" => ("Your complaint passed the first check and is being assessed.", 1, false),
        "investigate" => ("A formal investigation started. The member was sent the complaint and may respond.", 1, true),
        "submit_response" => ("The member's response was received.", 1, false),
        "response_overdue" => ("The member did not respond; the investigation goes on.", 1, false),
        "share_response" => ("The member's response, as shared with the complainant: " + MemberResponse, 2, true),
        "submit_reply" => ("You replied to the member's response.", 1, false),
        "no_reply" => ("No reply was received; the investigation goes on.", 1, false),
        "request_hr_review" => ("A Human Rights Code review was asked for.", 3, false),
        "complete_review" => ("The Human Rights Code review is complete.", 3, false),
        "send_draft_report" => ("The draft report was sent to the member for comment.", 1, false),
        "submit_comment" => ("The member's comment on the draft report was received.", 1, false),
        "comment_overdue" => ("The member did not comment on the draft; the final report is being prepared.", 1, false),
        "prepare_final_report" => ("The final report is written; its publication is to be previewed.", 3, false),
        "issue_final_report" => ("The final report was issued to council and published in the public registry.", 1, true),
        _ => (action.Replace('_', ' '), 3, false),
    };

    /// <summary>FairProcess.Explain: what a coded disposition tells the complainant.</summary>
    public static string Explain(string disposition) => disposition switch
    {
        "OutsideJurisdiction" => "The complaint is about something the Code of Conduct or the Integrity Commissioner does not cover.",
        "OutOfTime" => "The complaint was filed after the time limit, and there is no reason to accept it late.",
        "InsufficientGrounds" => "There are not enough grounds to investigate.",
        "ResolvedInformally" => "The complaint was resolved informally.",
        _ => "The complaint was closed.",
    };

    /// <summary>The reasons given with a disposition.</summary>
    public static string DispositionReasons(string disposition) => disposition switch
    {
        "OutsideJurisdiction" => "the post was made before the member took office.",
        "OutOfTime" => "the post is from more than six months before the complaint.",
        "InsufficientGrounds" => "the post criticises a decision of council and does not name or demean anyone.",
        "ResolvedInformally" => "the member removed the post and apologised to the resident.",
        _ => "see the file.",
    };

    /// <summary>IntakeDisposition's values, as stored.</summary>
    public static int DispositionCode(string disposition) => disposition switch
    {
        "OutsideJurisdiction" => 1,
        "OutOfTime" => 2,
        "FrivolousVexatiousOrBadFaith" => 3,
        "InsufficientGrounds" => 4,
        "ResolvedInformally" => 7,
        "Investigate" => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, "Not a disposition the seed uses."),
    };

    public const string MemberResponse = "I removed the post the day after. I did not mean to single anyone out.";

    public const string DraftReport = "Draft findings: the post was demeaning to a resident (Discreditable Conduct).";

    public const string FinalReport = "Final report: the member contravened the Discreditable Conduct article by mocking a resident who spoke at council.";

    public const string Sanction = "Reprimand";

    public static readonly string[] Grounds = ["race", "creed", "sex", "disability", "age", "sexual_orientation", "place_of_origin"];

    public static readonly string[] Articles =
        ["14 Discreditable Conduct", "12 Conduct Respecting Staff", "5 Confidential Information", "7 Election Campaign Work"];

    public static readonly string[] Comments =
    [
        "The road resurfacing on Concession 4 is months late and nobody on council will say why.",
        "Why was the library branch closed without a public meeting? Residents deserve an answer.",
        "The councillor promised a crosswalk at the school two years ago. Still nothing.",
        "This budget raises taxes again while the arena roof still leaks.",
        "Please explain the water rate increase; my bill doubled since spring.",
        "Snow clearing on the side streets was a disgrace this week.",
    ];
}
