using Governance.Policies.Domain;

namespace Governance.Policies.Tests;

public sealed class RequiredElementsTests
{
    public static TheoryData<string> Elements => new(RequiredElements.All.Select(e => e.Code));

    private static Dictionary<string, string> AllCovered() => RequiredElements.All.ToDictionary(e => e.Code, e => $"Section on {e.Title}");

    [Fact]
    public void R2_a_document_covering_every_element_misses_nothing()
        => Assert.Empty(RequiredElements.Missing(AllCovered()));

    [Theory]
    [MemberData(nameof(Elements))]
    public void R2_each_missing_element_is_reported(string code)
    {
        var coverage = AllCovered();
        coverage.Remove(code);

        var missing = Assert.Single(RequiredElements.Missing(coverage));
        Assert.Equal(code, missing.Code);
    }

    [Fact]
    public void R2_a_blank_section_does_not_count_as_covering()
    {
        var coverage = AllCovered();
        coverage["privacy_warning"] = "   ";
        Assert.Equal("privacy_warning", Assert.Single(RequiredElements.Missing(coverage)).Code);
    }

    [Fact]
    public void R2_the_list_has_toronto_23_a_to_c_v_and_the_house_rule_elements()
    {
        Assert.Equal(13, RequiredElements.All.Count);
        Assert.Equal(RequiredElements.All.Count, RequiredElements.All.Select(e => e.Code).Distinct().Count());
        Assert.All(RequiredElements.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
    }
}
