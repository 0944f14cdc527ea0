using Governance.Complaints.Domain;
using Governance.SharedKernel;

namespace Governance.Complaints.Tests;

/// <summary>R8, R9: appeals go to whoever runs the account; R15: who sees what of a case.</summary>
public sealed class AppealAndAccessRules
{
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly Guid OtherManager = Guid.NewGuid();

    [Theory]
    [InlineData("Member", "Member")]
    [InlineData("Campaign", "Member")]
    [InlineData("Municipality", "Corporate")]
    [InlineData("StaffUnit", "Corporate")]
    [InlineData("Unknown", "Unknown")]
    public void R9_the_account_decides_who_decides_the_appeal(string ownerType, string expected)
        => Assert.Equal(expected, AppealRouting.Route(ownerType, Member, null).Kind.ToString());

    [Fact]
    public void R9_a_members_appeal_is_decided_by_that_member_only()
    {
        var owner = AppealRouting.Route("Member", Member, null);
        Assert.Null(AppealRouting.WhyNotDecider(owner, Member, isSocialMediaManager: false));
        Assert.NotNull(AppealRouting.WhyNotDecider(owner, Manager, isSocialMediaManager: true));
        Assert.Equal(EscalationRoute.IntegrityCommissioner, AppealRouting.Escalation(owner));
    }

    [Fact]
    public void R9_a_corporate_appeal_is_decided_by_a_social_media_manager_other_than_the_one_who_acted()
    {
        var owner = AppealRouting.Route("Municipality", null, actedByUserId: Manager);
        Assert.Contains("someone other than the person who acted", AppealRouting.WhyNotDecider(owner, Manager, isSocialMediaManager: true), StringComparison.Ordinal);
        Assert.Null(AppealRouting.WhyNotDecider(owner, OtherManager, isSocialMediaManager: true));
        Assert.NotNull(AppealRouting.WhyNotDecider(owner, Member, isSocialMediaManager: false));
        Assert.Equal(EscalationRoute.MunicipalReviewer, AppealRouting.Escalation(owner));
    }

    private static readonly PostedRules HouseRules = new("Demo house rules, version 1", new HashSet<string> { "threats", "spam_flooding" });

    [Fact]
    public void R9_upholding_cites_a_rule_posted_in_the_house_rules_in_force_and_restoring_needs_reasons_not_a_rule()
    {
        var none = new Dictionary<string, string>();
        Assert.True(AppealRouting.CheckDecision(AppealOutcome.Upheld, "Threat to staff.", null, [], none, HouseRules).ContainsKey("ruleRelied"));
        Assert.True(AppealRouting.CheckDecision(AppealOutcome.Upheld, "Threat to staff.", "off_topic", [], none, HouseRules).ContainsKey("ruleRelied"));
        Assert.Contains("cannot be enforced", AppealRouting.CheckDecision(AppealOutcome.Upheld, "x", "threats", [], none, null)["ruleRelied"][0], StringComparison.Ordinal);
        Assert.Empty(AppealRouting.CheckDecision(AppealOutcome.Upheld, "Threat to staff.", "threats", [], none, HouseRules));
        Assert.Empty(AppealRouting.CheckDecision(AppealOutcome.AccessRestored, "Criticism is protected speech.", null, [], none, null));
        Assert.True(AppealRouting.CheckDecision(AppealOutcome.AccessRestored, " ", null, [], none, null).ContainsKey("reasons"));
    }

    [Fact]
    public void R8_the_decision_answers_each_Human_Rights_Code_ground_raised()
    {
        var missing = AppealRouting.CheckDecision(AppealOutcome.AccessRestored, "Restored.", null, ["race", "disability"],
            new Dictionary<string, string> { ["race"] = "No link to race." }, null);
        Assert.Contains("Disability", missing["assessments"][0], StringComparison.Ordinal);
        Assert.Empty(AppealRouting.CheckDecision(AppealOutcome.AccessRestored, "Restored.", null, ["race"],
            new Dictionary<string, string> { ["race"] = "No link to race." }, null));
    }

    [Fact]
    public void R9_a_resident_may_escalate_until_the_protocols_days_after_the_decision()
        => Assert.Equal(new DateOnly(2026, 7, 10), AppealRouting.EscalationDeadline(new DateOnly(2026, 6, 10), 30));

    private static Viewer As(Guid? user, params string[] roles) => new(user, roles);

    [Fact]
    public void R15_only_the_ICs_team_sees_a_complaint_file_and_the_clerk_only_once_the_report_reaches_council()
    {
        var notified = new ComplaintFacts(Member, MemberNotified: true, ReportIssued: false);
        Assert.Equal(Sight.Full, NeedToKnow.OfComplaint(notified, As(Guid.NewGuid(), StaffRoles.IntegrityCommissioner)));
        Assert.Equal(Sight.Full, NeedToKnow.OfComplaint(notified, As(Guid.NewGuid(), StaffRoles.Investigator)));
        Assert.Equal(Sight.Member, NeedToKnow.OfComplaint(notified, As(Member, StaffRoles.Member)));
        Assert.Equal(Sight.None, NeedToKnow.OfComplaint(notified with { MemberNotified = false }, As(Member, StaffRoles.Member)));
        Assert.Equal(Sight.None, NeedToKnow.OfComplaint(notified, As(Guid.NewGuid(), StaffRoles.Clerk)));
        Assert.Equal(Sight.Council, NeedToKnow.OfComplaint(notified with { ReportIssued = true }, As(Guid.NewGuid(), StaffRoles.Clerk)));
        foreach (var role in new[] { StaffRoles.Administrator, StaffRoles.SocialMediaManager, StaffRoles.Moderator })
        {
            Assert.Equal(Sight.None, NeedToKnow.OfComplaint(notified with { ReportIssued = true }, As(Guid.NewGuid(), role)));
        }
    }

    [Fact]
    public void R15_contact_details_are_for_the_ICs_team_only_and_the_member_sees_the_name_unless_withheld()
    {
        Assert.True(NeedToKnow.SeesContactDetails(Sight.Full));
        foreach (var sight in Enum.GetValues<Sight>().Where(s => s != Sight.Full))
        {
            Assert.False(NeedToKnow.SeesContactDetails(sight), sight.ToString());
        }

        Assert.True(NeedToKnow.SeesComplainantName(Sight.Member, withheld: false));
        Assert.False(NeedToKnow.SeesComplainantName(Sight.Member, withheld: true));
        Assert.False(NeedToKnow.SeesComplainantName(Sight.Council, withheld: false));
    }

    [Fact]
    public void R15_the_IC_sees_an_appeal_only_once_it_became_a_complaint_and_the_owner_once_it_was_routed_to_them()
    {
        var owner = AppealRouting.Route("Member", Member, null);
        var routed = new AppealFacts(owner, RoutedToOwner: true, ReviewerUserId: null, Escalated: false);
        Assert.Equal(Sight.None, NeedToKnow.OfAppeal(routed, As(Guid.NewGuid(), StaffRoles.IntegrityCommissioner)));
        Assert.Equal(Sight.None, NeedToKnow.OfAppeal(routed, As(Guid.NewGuid(), StaffRoles.Administrator)));
        Assert.Equal(Sight.AppealOwner, NeedToKnow.OfAppeal(routed, As(Member, StaffRoles.Member)));
        Assert.Equal(Sight.None, NeedToKnow.OfAppeal(routed with { RoutedToOwner = false }, As(Member, StaffRoles.Member)));
        Assert.Equal(Sight.AppealTeam, NeedToKnow.OfAppeal(routed, As(Manager, StaffRoles.Moderator)));
        var reviewer = Guid.NewGuid();
        var escalated = new AppealFacts(AppealRouting.Route("Municipality", null, null), true, reviewer, Escalated: true);
        Assert.Equal(Sight.AppealReviewer, NeedToKnow.OfAppeal(escalated, As(reviewer, StaffRoles.Clerk)));
        Assert.Equal(Sight.None, NeedToKnow.OfAppeal(escalated with { Escalated = false }, As(reviewer, StaffRoles.Clerk)));
    }

    [Fact]
    public void R15_each_privacy_notice_line_agrees_with_the_sight_it_describes()
    {
        foreach (var line in NeedToKnow.ComplaintNotice.Concat(NeedToKnow.AppealNotice))
        {
            Assert.Equal(NeedToKnow.SeesContactDetails(line.Sight), line.Contact);
            if (line.Sight != Sight.None)
            {
                Assert.Equal(NeedToKnow.SeesComplainantName(line.Sight, withheld: false), line.Name);
            }
        }
    }
}
