using Governance.Complaints.Domain;
using Governance.SharedKernel;

namespace Governance.Complaints.Workflows.CodeOfConduct;

/// <summary>
/// A Code of Conduct complaint (R10, R12, R16; DESIGN.md section 4): intake (identity, declaration, time limit), the
/// preliminary assessment (a coded disposition or an investigation), notice to the member and their response, shared
/// with the complainant (redacted if the IC must) before the complainant replies, the Human Rights Code review where
/// discrimination or harassment is alleged, the draft report for the member's comment, the final report issued to
/// council and published at once, and council's decision. The election period (R12) terminates or holds open files
/// from outside the flow (<see cref="Jobs.ApplyElectionPeriodJob"/>), pausing the instance so it resumes where it left.
/// </summary>
internal static class ComplaintFlow
{
    public const string Name = "complaint";

    public static class Stages
    {
        public const string Intake = "intake";
        public const string Held = "held";
        public const string AwaitingInformation = "awaiting_information";
        public const string PreliminaryAssessment = "preliminary_assessment";
        public const string MemberResponse = "member_response";
        public const string ResponseReview = "response_review";
        public const string ComplainantReply = "complainant_reply";
        public const string Investigation = "investigation";
        public const string HumanRightsReview = "hr_review";
        public const string MemberComment = "member_comment";
        public const string FinalReport = "final_report";
        public const string Publication = "publication";
        public const string CouncilDecision = "council_decision";
        public const string Closed = "closed";
    }

    /// <summary>The Integrity Commissioner's team: takes the file's steps and writes its notes.</summary>
    public static readonly string[] CaseTeam = [StaffRoles.IntegrityCommissioner, StaffRoles.Investigator];

    private const string Ic = StaffRoles.IntegrityCommissioner;
    private const string Team = "The Integrity Commissioner's team";

    public static CaseFlow V2 { get; } = CaseFlow.Create(Name, 2)
        .Stage(Stages.Intake, s => s.By(Team, Ic).Due(10).Public("Received – being checked")
            .On(new AcceptForAssessment(), Stages.PreliminaryAssessment, CaseTeam)
            .On(new RequestInformation(), Stages.AwaitingInformation, CaseTeam)
            .On(new Dispose(), Stages.Closed, Ic))
        .Stage(Stages.AwaitingInformation, s => s.By("The complainant").Waits(10).Public("Waiting for more information from you")
            .On(new InformationReceived(), Stages.Intake)
            .On(new InformationOverdue(), Stages.Intake, CaseTeam)
            .Timer("information_deadline", CaseFlow.BusinessDays(10), "10 business days", new InformationOverdue()))
        .Stage(Stages.PreliminaryAssessment, s => s.By("The Integrity Commissioner", Ic).Due(10).Public("Being assessed")
            .On(new Dispose(), Stages.Closed, Ic)
            .On(new Investigate(), Stages.MemberResponse, Ic))
        .Stage(Stages.MemberResponse, s => s.By("The member complained about", StaffRoles.Member).Due(10)
            .Public("The member has been sent the complaint and may respond")
            .On(new SubmitResponse(), Stages.ResponseReview, StaffRoles.Member, Ic, StaffRoles.Investigator)
            .On(new ResponseOverdue(), Stages.Investigation, CaseTeam)
            .Timer("response_deadline", CaseFlow.BusinessDays(10), "10 business days", new ResponseOverdue()))
        .Stage(Stages.ResponseReview, s => s.By("The Integrity Commissioner", Ic).Due(5).Public("The member responded; the response is being reviewed")
            .On(new ShareResponse(), Stages.ComplainantReply, Ic))
        .Stage(Stages.ComplainantReply, s => s.By("The complainant").Waits(10).Public("You may reply to the member's response")
            .On(new SubmitReply(), Stages.Investigation)
            .On(new RecordReply(), Stages.Investigation, CaseTeam)
            .On(new NoReply(), Stages.Investigation, CaseTeam)
            .Timer("reply_deadline", CaseFlow.BusinessDays(10), "10 business days", new NoReply()))
        .Stage(Stages.Investigation, s => s.By("An investigator", StaffRoles.Investigator).Due(30).Public("Under investigation")
            .On(new RequestHumanRightsReview(), Stages.HumanRightsReview, CaseTeam)
            .On(new SendDraftReport(), Stages.MemberComment, Ic))
        .Stage(Stages.HumanRightsReview, s => s.By("An investigator", StaffRoles.Investigator).Due(10).Public("Under investigation")
            .On(new CompleteHumanRightsReview(), Stages.Investigation, CaseTeam))
        .Stage(Stages.MemberComment, s => s.By("The member complained about", StaffRoles.Member).Due(10).Public("Draft report with the member for comment")
            .On(new SubmitComment(), Stages.FinalReport, StaffRoles.Member)
            .On(new CommentOverdue(), Stages.FinalReport, CaseTeam)
            .Timer("comment_deadline", CaseFlow.BusinessDays(10), "10 business days", new CommentOverdue()))
        .Stage(Stages.FinalReport, s => s.By("The Integrity Commissioner", Ic).Due(10).Public("Final report being prepared")
            .On(new PrepareFinalReport(), Stages.Publication, Ic))
        .Stage(Stages.Publication, s => s.By("The Integrity Commissioner", Ic).Due(5).Public("Final report being prepared")
            .On(new IssueFinalReport(), Stages.CouncilDecision, Ic))
        .Stage(Stages.CouncilDecision, s => s.By("The clerk records council's decision", StaffRoles.Clerk).Due(40)
            .Public("Report issued to council and published")
            .On(new RecordCouncilDecision(), Stages.Closed, StaffRoles.Clerk, Ic)
            .On(new DeferCouncilDecision(), Stages.CouncilDecision, StaffRoles.Clerk, Ic))
        .Final(Stages.Closed, "Closed")
        .Build();

    /// <summary>
    /// Version 1 (before issue 12): held complaints in the election blackout, a dismissal among five reasons, the
    /// member's response not shared with the complainant, and publication after council decided. Kept for the cases
    /// that started on it; no new case does.
    /// </summary>
    public static CaseFlow V1 { get; } = CaseFlow.Create(Name, 1)
        .Stage(Stages.Intake, s => s.By(Team, Ic).Due(10).Public("Received – being checked")
            .On(new AcceptForAssessment(), Stages.PreliminaryAssessment, CaseTeam)
            .On(new RequestInformation(), Stages.AwaitingInformation, CaseTeam)
            .On(new Version1.HoldForElection(), Stages.Held, CaseTeam))
        .Stage(Stages.Held, s => s.By(Team).Public("On hold until after the election").Status(CaseStatus.OnHold)
            .On(new Version1.ResumeAfterElection(), Stages.Intake, CaseTeam)
            .Timer("blackout_over", Version1.HoldEnds, "the day after voting day", new Version1.ResumeAfterElection()))
        .Stage(Stages.AwaitingInformation, s => s.By("The complainant").Waits(10).Public("Waiting for more information from you")
            .On(new InformationReceived(), Stages.Intake)
            .On(new InformationOverdue(), Stages.Intake, CaseTeam)
            .Timer("information_deadline", CaseFlow.BusinessDays(10), "10 business days", new InformationOverdue()))
        .Stage(Stages.PreliminaryAssessment, s => s.By("The Integrity Commissioner", Ic).Due(10).Public("Being assessed")
            .On(new Version1.Dismiss(), Stages.Closed, Ic)
            .On(new Version1.ResolveInformally(), Stages.Closed, Ic)
            .On(new Investigate(), Stages.MemberResponse, Ic))
        .Stage(Stages.MemberResponse, s => s.By("The member complained about", StaffRoles.Member).Due(10)
            .Public("The member has been notified and may respond")
            .On(new SubmitResponse(), Stages.ComplainantReply, StaffRoles.Member)
            .On(new ResponseOverdue(), Stages.ComplainantReply, CaseTeam)
            .Timer("response_deadline", CaseFlow.BusinessDays(10), "10 business days", new ResponseOverdue()))
        .Stage(Stages.ComplainantReply, s => s.By("An investigator", StaffRoles.Investigator).Due(10).Public("You may reply to the member's response")
            .On(new RecordReply(), Stages.Investigation, CaseTeam)
            .On(new NoReply(), Stages.Investigation, CaseTeam))
        .Stage(Stages.Investigation, s => s.By("An investigator", StaffRoles.Investigator).Due(30).Public("Under investigation")
            .On(new RequestHumanRightsReview(), Stages.HumanRightsReview, CaseTeam)
            .On(new SendDraftReport(), Stages.MemberComment, Ic))
        .Stage(Stages.HumanRightsReview, s => s.By("An investigator", StaffRoles.Investigator).Due(10).Public("Under investigation")
            .On(new CompleteHumanRightsReview(), Stages.Investigation, CaseTeam))
        .Stage(Stages.MemberComment, s => s.By("The member complained about", StaffRoles.Member).Due(10).Public("Draft report with the member for comment")
            .On(new SubmitComment(), Stages.FinalReport, StaffRoles.Member)
            .On(new CommentOverdue(), Stages.FinalReport, CaseTeam)
            .Timer("comment_deadline", CaseFlow.BusinessDays(10), "10 business days", new CommentOverdue()))
        .Stage(Stages.FinalReport, s => s.By("The Integrity Commissioner", Ic).Due(10).Public("Final report being prepared")
            .On(new Version1.IssueFinalReport(), Stages.CouncilDecision, Ic))
        .Stage(Stages.CouncilDecision, s => s.By("The clerk records council's decision", StaffRoles.Clerk).Due(40).Public("Report before council")
            .On(new RecordCouncilDecision(), Stages.Closed, StaffRoles.Clerk, Ic))
        .Final(Stages.Closed, "Closed")
        .Build();
}
