namespace Governance.Complaints.Domain;

/// <summary>R8: the grounds of the Ontario Human Rights Code that apply to services.</summary>
internal static class HumanRightsGrounds
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        ("race", "Race"),
        ("ancestry", "Ancestry"),
        ("place_of_origin", "Place of origin"),
        ("colour", "Colour"),
        ("ethnic_origin", "Ethnic origin"),
        ("citizenship", "Citizenship"),
        ("creed", "Creed (religion or beliefs)"),
        ("sex", "Sex (including pregnancy)"),
        ("sexual_orientation", "Sexual orientation"),
        ("gender_identity", "Gender identity"),
        ("gender_expression", "Gender expression"),
        ("age", "Age"),
        ("marital_status", "Marital status"),
        ("family_status", "Family status"),
        ("disability", "Disability"),
    ];

    public static bool IsKnown(string code) => All.Any(g => g.Code == code);

    public static string Label(string code) => All.FirstOrDefault(g => g.Code == code).Label ?? code;
}
