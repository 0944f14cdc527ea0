using Governance.SharedKernel;

namespace Governance.Bench;

/// <summary>One stage of a seeded workflow, as the host's definitions have it (Complaints/Workflows).</summary>
internal sealed record StageInfo(string Name, string? AssigneeRole, int DueDays, bool Reminders, string? ActionTimer);

/// <summary>A step a case took: the workflow action and the stage it led to.</summary>
internal sealed record Step(string Action, string Target);

/// <summary>
/// The ways a case goes through the appeal and complaint workflows (the host's AppealWorkflow and
/// ComplaintWorkflow, version 1), with how often each happens. The seed replays them as the runtime would
/// have recorded them: bookmarks, journal, timeline, audit entries and e-mails.
/// </summary>
internal static class CaseStories
{
    public static readonly IReadOnlyDictionary<string, StageInfo> AppealStages = new[]
    {
        new StageInfo("intake", StaffRoles.Investigator, 5, true, null),
        new StageInfo("awaiting_information", null, 10, false, "information_deadline"),
        new StageInfo("hr_review", StaffRoles.Investigator, 10, true, null),
        new StageInfo("decision", StaffRoles.IntegrityCommissioner, 10, true, null),
        new StageInfo("awaiting_restoration", StaffRoles.SocialMediaManager, 5, true, null),
    }.ToDictionary(s => s.Name);

    public static readonly IReadOnlyDictionary<string, StageInfo> ComplaintStages = new[]
    {
        new StageInfo("intake", StaffRoles.IntegrityCommissioner, 10, true, null),
        new StageInfo("preliminary_assessment", StaffRoles.IntegrityCommissioner, 10, true, null),
        new StageInfo("member_response", StaffRoles.Member, 10, true, "response_deadline"),
        new StageInfo("complainant_reply", StaffRoles.Investigator, 10, true, null),
        new StageInfo("investigation", StaffRoles.Investigator, 30, true, null),
        new StageInfo("hr_review", StaffRoles.Investigator, 10, true, null),
        new StageInfo("member_comment", StaffRoles.Member, 10, true, "comment_deadline"),
        new StageInfo("final_report", StaffRoles.IntegrityCommissioner, 10, true, null),
        new StageInfo("council_decision", StaffRoles.Clerk, 40, true, null),
    }.ToDictionary(s => s.Name);

    public static readonly (int Weight, Step[] Steps)[] AppealPaths =
    [
        (15, [new("close_out_of_scope", "closed")]),
        (40, [new("accept", "hr_review"), new("complete_review", "decision"), new("uphold", "closed")]),
        (25, [new("accept", "hr_review"), new("complete_review", "decision"), new("restore_access", "awaiting_restoration"),
            new("confirm_restored", "closed")]),
        (12, [new("request_information", "awaiting_information"), new("information_received", "intake"), new("accept", "hr_review"),
            new("complete_review", "decision"), new("reinstate_content", "awaiting_restoration"), new("confirm_restored", "closed")]),
        (8, [new("accept", "hr_review"), new("complete_review", "decision"), new("refer_as_complaint", "closed")]),
    ];

    public static readonly (int Weight, Step[] Steps)[] ComplaintPaths =
    [
        (40, [new("accept_for_assessment", "preliminary_assessment"), new("dismiss", "closed")]),
        (20, [new("accept_for_assessment", "preliminary_assessment"), new("resolve_informally", "closed")]),
        (30, [new("accept_for_assessment", "preliminary_assessment"), new("investigate", "member_response"),
            new("submit_response", "complainant_reply"), new("record_reply", "investigation"), new("send_draft_report", "member_comment"),
            new("submit_comment", "final_report"), new("issue_final_report", "council_decision"), new("record_council_decision", "closed")]),
        (10, [new("accept_for_assessment", "preliminary_assessment"), new("investigate", "member_response"),
            new("response_overdue", "complainant_reply"), new("no_reply", "investigation"), new("request_hr_review", "hr_review"),
            new("complete_review", "investigation"), new("send_draft_report", "member_comment"), new("comment_overdue", "final_report"),
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

    /// <summary>Who takes an action: "resident", "member" (the member complained about), or a demo staff role.</summary>
    public static string Actor(string action) => action switch
    {
        "information_received" => "resident",
        "submit_response" or "submit_comment" => "member",
        "uphold" or "restore_access" or "reinstate_content" or "refer_as_complaint" or "dismiss" or "resolve_informally"
            or "investigate" or "send_draft_report" or "issue_final_report" => StaffRoles.IntegrityCommissioner,
        "confirm_restored" => StaffRoles.SocialMediaManager,
        "record_council_decision" => StaffRoles.Clerk,
        _ => StaffRoles.Investigator,
    };

    /// <summary>What the timeline says about a step (as the host writes it), and whether the resident is e-mailed.</summary>
    public static (string Text, bool Public, bool MailsResident) Timeline(string action) => action switch
    {
        "accept" => ("Your appeal passed the first check and is under review.", true, false),
        "request_information" => ("We need more information: please send a screenshot of the removed comment.", true, true),
        "information_received" => ("The resident sent more information.", true, false),
        "close_out_of_scope" => ("We closed your appeal: the account is not a municipal account.", true, true),
        "complete_review" => ("The Human Rights Code review is complete.", true, false),
        "uphold" => ("The decision is to keep the action that was taken. Reasons: the comment broke the posted house rules.", true, true),
        "restore_access" => ("The decision is to restore your access. The account will confirm when it is done. Reasons: the block was not graduated.", true, true),
        "reinstate_content" => ("The decision is to put your content back. The account will confirm when it is done. Reasons: criticism is protected.", true, true),
        "refer_as_complaint" => ("Your appeal is referred to the Integrity Commissioner as a Code of Conduct complaint. Reasons: the member blocked a critic.", true, true),
        "confirm_restored" => ("The account confirmed your access or content is restored. Your appeal is closed.", true, true),
        "accept_for_assessment" => ("Your complaint passed the first check and is being assessed.", true, false),
        "dismiss" => ("The complaint is dismissed (out of jurisdiction). Reasons: the post was made before the member took office.", true, true),
        "resolve_informally" => ("The complaint was resolved informally: the member removed the post and apologised.", true, true),
        "investigate" => ("A formal investigation started. The member was sent the complaint and may respond.", true, false),
        "submit_response" => ("The member's response was received.", true, false),
        "response_overdue" => ("The member did not respond by the due date; the investigation continues.", true, false),
        "record_reply" => ("The complainant's reply was received.", true, false),
        "no_reply" => ("The complainant did not reply; the investigation continues.", true, false),
        "request_hr_review" => ("A Human Rights Code review was requested.", false, false),
        "send_draft_report" => ("The draft report was sent to the member for comment.", true, false),
        "submit_comment" => ("The member's comment on the draft report was received.", true, false),
        "comment_overdue" => ("The member did not comment on the draft by the due date.", true, false),
        "issue_final_report" => ("The final report was issued to council.", true, false),
        "record_council_decision" => ("Council decided: reprimand. The report is published in the public registry.", true, true),
        _ => (action.Replace('_', ' '), false, false),
    };

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
