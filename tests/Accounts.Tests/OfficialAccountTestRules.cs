using Governance.Accounts.Domain;

namespace Governance.Accounts.Tests;

public sealed class OfficialAccountTestRules
{
    private static readonly string[] PersonalConditions = ["no_official_business", "own_views_disclaimer", "no_municipal_resources"];

    public static TheoryData<string> OfficialCriteria => new(OfficialAccountTest.Criteria.Select(c => c.Code).Where(c => c != "hybrid_use"));

    private static Dictionary<string, Fact> Facts(params string[] yes) => yes.ToDictionary(c => c, _ => new Fact(true, null));

    [Theory]
    [MemberData(nameof(OfficialCriteria))]
    public void R1_each_criterion_alone_makes_a_members_account_official(string criterion)
    {
        var result = OfficialAccountTest.Classify(AccountOwner.Member, Facts(criterion));

        Assert.Equal(Classification.Official, result.Classification);
        Assert.True(result.TreatedAsOfficial);
        Assert.Equal([criterion], result.Fired);
        Assert.Contains(criterion, result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OfficialCriteria))]
    public void R1_each_criterion_makes_an_otherwise_personal_account_hybrid_treated_as_official(string criterion)
    {
        var result = OfficialAccountTest.Classify(AccountOwner.Member, Facts([.. PersonalConditions, criterion]));

        Assert.Equal(Classification.Hybrid, result.Classification);
        Assert.True(result.TreatedAsOfficial);
        Assert.Equal([criterion], result.Fired);
    }

    [Fact]
    public void R1_the_classification_shows_every_criterion_that_fired()
    {
        var result = OfficialAccountTest.Classify(AccountOwner.Member, Facts("official_title", "municipal_logo", "municipal_devices"));
        Assert.Equal(["official_title", "municipal_logo", "municipal_devices"], result.Fired);
    }

    [Fact]
    public void R1_an_account_meeting_all_personal_conditions_and_no_criterion_is_personal()
    {
        var result = OfficialAccountTest.Classify(AccountOwner.Member, Facts(PersonalConditions));

        Assert.Equal(Classification.Personal, result.Classification);
        Assert.False(result.TreatedAsOfficial);
        Assert.Empty(result.Fired);
    }

    [Theory]
    [InlineData("no_official_business")]
    [InlineData("own_views_disclaimer")]
    [InlineData("no_municipal_resources")]
    public void R1_missing_any_personal_condition_makes_the_account_hybrid_treated_as_official(string missing)
    {
        var result = OfficialAccountTest.Classify(AccountOwner.Member, Facts(PersonalConditions.Where(c => c != missing).ToArray()));

        Assert.Equal(Classification.Hybrid, result.Classification);
        Assert.True(result.TreatedAsOfficial);
        Assert.Equal([missing], result.UnmetPersonalConditions);
    }

    [Fact]
    public void R1_hybrid_use_is_treated_as_official()
    {
        var result = OfficialAccountTest.Classify(AccountOwner.Member, Facts("hybrid_use"));
        Assert.Equal(Classification.Hybrid, result.Classification);
        Assert.True(result.TreatedAsOfficial);
    }

    [Theory]
    [InlineData("Municipality")]
    [InlineData("StaffUnit")]
    public void R1_municipal_and_staff_unit_accounts_are_official_whatever_the_facts(string owner)
    {
        var result = OfficialAccountTest.Classify(Enum.Parse<AccountOwner>(owner), Facts(PersonalConditions));
        Assert.Equal(Classification.Official, result.Classification);
    }
}
