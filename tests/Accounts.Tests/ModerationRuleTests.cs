using Governance.Accounts.Domain;

namespace Governance.Accounts.Tests;

public sealed class ModerationRuleTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    public void R5_block_needs_justification_unless_repeated_violations(int prior, bool needsJustification)
    {
        var assessment = ModerationRules.AssessBlock(prior, threshold: 2, credibleThreat: false);
        Assert.Equal(needsJustification, assessment.NeedsJustification);
        Assert.Contains(prior.ToString(), assessment.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void R5_block_after_a_credible_threat_needs_no_justification()
        => Assert.False(ModerationRules.AssessBlock(0, 2, credibleThreat: true).NeedsJustification);

    [Fact]
    public void R5_block_without_prior_violation_is_flagged()
    {
        var flags = ModerationRules.RiskFlags(false, true, ModerationRules.AssessBlock(0, 2, false));
        Assert.Equal([ModerationRules.UngraduatedBlockFlag], flags);
    }

    [Fact]
    public void R5_the_threshold_is_the_municipalitys_setting()
    {
        Assert.True(ModerationRules.AssessBlock(2, threshold: 3, credibleThreat: false).NeedsJustification);
        Assert.False(ModerationRules.AssessBlock(0, threshold: 0, credibleThreat: false).NeedsJustification);
    }

    [Fact]
    public void R4_disagreement_on_an_official_account_is_a_risk_flag()
        => Assert.Equal([ModerationRules.ViewpointFlag], ModerationRules.RiskFlags(true, true, null));

    [Fact]
    public void R4_disagreement_on_a_personal_account_is_not_flagged_and_a_rule_is_never_flagged()
    {
        Assert.Empty(ModerationRules.RiskFlags(true, false, null));
        Assert.Empty(ModerationRules.RiskFlags(false, true, null));
    }

    [Fact]
    public void R7_provoking_content_gets_no_reply_and_no_action()
    {
        var suggestion = ModerationRules.Triage(new TriageAnswers(false, false, true, false, 0, 2));
        Assert.Null(suggestion.LeastIntrusive);
        Assert.Contains(suggestion.Steps, s => s.Contains("Do not reply", StringComparison.Ordinal));
    }

    [Fact]
    public void R7_spam_is_hidden()
        => Assert.Equal(ModerationKind.Hide, ModerationRules.Triage(new TriageAnswers(false, false, true, true, 0, 2)).LeastIntrusive);

    [Fact]
    public void R7_abuse_is_recorded_deleted_and_reported_before_any_block()
    {
        var suggestion = ModerationRules.Triage(new TriageAnswers(true, false, false, false, 0, 2));
        Assert.Equal(ModerationKind.Delete, suggestion.LeastIntrusive);
        Assert.Equal([ModerationKind.ReportToPlatform], suggestion.AlsoDo);
        Assert.StartsWith("Take a screenshot", suggestion.Steps[0], StringComparison.Ordinal);
    }

    [Fact]
    public void R7_repeated_abuse_may_be_blocked()
        => Assert.Equal(ModerationKind.Block, ModerationRules.Triage(new TriageAnswers(true, false, false, false, 2, 2)).LeastIntrusive);

    [Fact]
    public void R7_a_credible_threat_is_blocked_and_escalated_to_police()
    {
        var suggestion = ModerationRules.Triage(new TriageAnswers(true, true, false, false, 0, 2));
        Assert.Equal(ModerationKind.Block, suggestion.LeastIntrusive);
        Assert.Contains(ModerationKind.EscalateToPolice, suggestion.AlsoDo);
    }

    [Fact]
    public void R7_otherwise_reassess_or_ask_staff()
    {
        var suggestion = ModerationRules.Triage(new TriageAnswers(false, false, false, false, 0, 2));
        Assert.Null(suggestion.LeastIntrusive);
        Assert.Contains("ask staff", suggestion.Steps[0], StringComparison.Ordinal);
    }
}
