using Governance.Complaints.Domain;

namespace Governance.Complaints.Tests;

/// <summary>R15, R16: a published report shows no complainant details; the IC marks what goes, a detector flags what may be left.</summary>
public sealed class RedactionRules
{
    [Fact]
    public void R15_a_marked_passage_is_redacted_wherever_it_occurs_and_nothing_else_is_touched()
    {
        Assert.Equal("The complainant, [redacted], met staff at City Hall. [redacted] was courteous.",
            Redaction.Apply("The complainant, Pat Hall, met staff at City Hall. PAT HALL was courteous.", ["Pat Hall"]));
    }

    [Fact]
    public void R15_the_longest_mark_goes_first_so_a_shorter_one_leaves_no_tail()
        => Assert.Equal("Write to [redacted].", Redaction.Apply("Write to 12 Elm Street, Guelph N1H 3T2.", ["12 Elm Street", "12 Elm Street, Guelph N1H 3T2"]));

    [Fact]
    public void R15_blank_marks_change_nothing()
        => Assert.Equal("As typed.", Redaction.Apply("As typed.", ["", "  "]));

    [Theory]
    [InlineData("Write to pat.hall@example.ca today.", "email", "pat.hall@example.ca")]
    [InlineData("Call 519-555-0100.", "phone", "519-555-0100")]
    [InlineData("Call (519) 555 0100.", "phone", "(519) 555 0100")]
    [InlineData("Call +1 519.555.0100.", "phone", "+1 519.555.0100")]
    [InlineData("She lives at 12 Elm Street.", "address", "12 Elm Street")]
    [InlineData("Delivered to 400 Wellington Rd S.", "address", "400 Wellington Rd")]
    [InlineData("Postal code N1H 3T2.", "postal code", "N1H 3T2")]
    [InlineData("Postal code n1h3t2.", "postal code", "n1h3t2")]
    public void R15_the_detector_flags_what_looks_like_personal_data(string text, string kind, string found)
    {
        var warning = Assert.Single(PersonalDataDetector.Detect("report", text, ComplainantOnFile.None));
        Assert.Equal(("report", kind, found), (warning.Field, warning.Kind, warning.Text));
    }

    [Fact]
    public void R15_the_detector_flags_the_complainants_details_as_on_file_and_each_part_of_the_name()
    {
        var complainant = new ComplainantOnFile("Pat Hall", "pat@example.ca", "5195550100", "1 Main St");
        var kinds = PersonalDataDetector.Detect("report", "Pat Hall of 1 main st, at City Hall, phone 519 555 0100, pat@example.ca.", complainant)
            .Select(w => (w.Kind, w.Text)).ToList();
        Assert.Contains(("complainant's name", "Pat Hall"), kinds);
        Assert.Contains(("complainant's name", "Hall"), kinds);
        Assert.Contains(("complainant's address", "1 main st"), kinds);
        Assert.Contains(("complainant's phone", "519 555 0100"), kinds);
        Assert.Contains(("complainant's e-mail", "pat@example.ca"), kinds);
    }

    [Fact]
    public void R15_a_clean_report_has_no_warnings()
        => Assert.Empty(PersonalDataDetector.Detect("report",
            "On 3 June 2026 the member replied to a resident. Article 14 was breached. Council met on 10 June.",
            new ComplainantOnFile("Pat Hall", "pat@example.ca", null, null)));
}
