using System.ComponentModel.DataAnnotations;
using Governance.Platform.Web;

namespace Governance.Platform.Tests;

public sealed class InputTextTests
{
    private sealed class Sample
    {
        [SingleLine]
        public string? Handle { get; init; }

        public string? Text { get; init; }

        public List<Part> Parts { get; init; } = [];
    }

    private sealed record Part([property: SingleLine] string Name, string? Body);

    [Theory]
    [InlineData("@troll\r\nBcc: x")]
    [InlineData("@troll\n")]
    [InlineData("a\tb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u2028b")]
    public void A_single_line_field_refuses_line_breaks_and_control_characters(string value)
        => Assert.Contains("handle", ValidationFilter.Validate(new Sample { Handle = value }).Keys);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@Demo_Township")]
    [InlineData("Élise O'Brien-Tremblay")]
    public void A_single_line_field_takes_ordinary_text(string? value)
        => Assert.Empty(ValidationFilter.Validate(new Sample { Handle = value }));

    [Fact]
    public void Free_text_keeps_new_lines_and_tabs_and_loses_nul_and_bidirectional_overrides()
        => Assert.Equal("line one\n\tline two\r\nthree", InputText.Normalise("line\0 one\n\tline\u202E two\r\n\u2066three\u2069\u200E\u200F"));

    [Fact]
    public void Validation_normalises_every_bound_string_first_nested_ones_too()
    {
        var sample = new Sample { Handle = "@ab\u202Ec", Text = "x\0y", Parts = [new Part("p\u202Dq", "r\0s")] };
        Assert.Empty(ValidationFilter.Validate(sample));
        Assert.Equal("@abc", sample.Handle);
        Assert.Equal("xy", sample.Text);
        Assert.Equal(new Part("pq", "rs"), sample.Parts[0]);
    }

    [Fact]
    public void The_attribute_message_names_the_problem()
    {
        var results = new List<ValidationResult>();
        var sample = new Sample { Handle = "a\nb" };
        Validator.TryValidateObject(sample, new ValidationContext(sample), results, validateAllProperties: true);
        Assert.Contains("one line", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }
}
