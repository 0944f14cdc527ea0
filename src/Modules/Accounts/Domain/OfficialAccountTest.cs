namespace Governance.Accounts.Domain;

internal enum Classification
{
    /// <summary>The Code of Conduct and records rules apply.</summary>
    Official = 1,

    /// <summary>Mixed personal and official use: treated as official (AMO 6.2 "hybrid trap").</summary>
    Hybrid = 2,

    /// <summary>Meets all three personal conditions and no official criterion.</summary>
    Personal = 3,
}

internal sealed record Criterion(string Code, string Question, string Source);

/// <summary>The answer to one criterion, with a note or where the evidence is.</summary>
internal sealed record Fact(bool Answer, string? Note);

internal sealed record ClassificationResult(Classification Classification, IReadOnlyList<string> Fired,
    IReadOnlyList<string> UnmetPersonalConditions, string Explanation)
{
    public bool TreatedAsOfficial => Classification != Classification.Personal;
}

/// <summary>
/// R1 official-account test (Toronto IC bulletin para 8; AMO Handguide 6.2). An account is official if ANY
/// criterion applies; personal only if ALL three personal conditions hold and none applies; anything mixed is
/// hybrid and treated as official. One pure function, so an appeal can recompute any past classification.
/// </summary>
internal static class OfficialAccountTest
{
    public static IReadOnlyList<Criterion> Criteria { get; } =
    [
        new("official_title", "Does the handle, user name or profile show an official title (Councillor, Mayor, Deputy Mayor)?", "Toronto 8; AMO 6.2"),
        new("municipal_email_registration", "Was the account registered with a municipal e-mail address?", "Toronto 8; AMO 6.2"),
        new("promoted_on_official_site", "Is the account linked from the member's constituency website or the municipality's website?", "Toronto 8; AMO 6.2"),
        new("promoted_in_office_publications", "Does the account appear on business cards, newsletters or other items paid from the office budget?", "Toronto 8"),
        new("municipal_logo", "Does the account show the municipality's logo, crest or other marks?", "Toronto 8; AMO 6.2"),
        new("official_contact_info", "Does the account list City Hall or constituency office contact details?", "Toronto 8; AMO 6.2"),
        new("municipal_devices", "Is the account run from municipal computers, phones or tablets?", "Toronto 8; AMO 6.2"),
        new("staff_or_paid_services", "Is the account run by office staff or volunteers, or with services paid from the office budget?", "Toronto 8; AMO 6.2"),
        new("hybrid_use", "Does the account mix personal posts with official announcements or municipal business?", "AMO 6.2"),
    ];

    public static IReadOnlyList<Criterion> PersonalConditions { get; } =
    [
        new("no_official_business", "Is the account kept free of official business (no announcements, no requests for input on municipal decisions)?", "AMO 6.2"),
        new("own_views_disclaimer", "Does the account clearly say the views posted are the member's own?", "AMO 6.2"),
        new("no_municipal_resources", "Is the account run only outside working hours, never on municipal equipment or with municipal staff?", "AMO 6.2"),
    ];

    public static bool IsKnown(string code) => Criteria.Concat(PersonalConditions).Any(c => c.Code == code);

    public static ClassificationResult Classify(AccountOwner owner, IReadOnlyDictionary<string, Fact> facts)
    {
        if (owner is AccountOwner.Municipality or AccountOwner.StaffUnit)
        {
            return new ClassificationResult(Classification.Official, ["corporate_account"], [],
                "A municipal or staff-unit account is an official account.");
        }

        if (owner == AccountOwner.Campaign)
        {
            return new ClassificationResult(Classification.Personal, [], [],
                "A campaign account: not an official account, and no City resources may be used for it (R11).");
        }

        bool Yes(string code) => facts.TryGetValue(code, out var fact) && fact.Answer;
        var fired = Criteria.Where(c => Yes(c.Code)).Select(c => c.Code).ToList();
        var unmet = PersonalConditions.Where(c => !Yes(c.Code)).Select(c => c.Code).ToList();

        if (fired.Count > 0)
        {
            var mixed = fired.Contains("hybrid_use") || unmet.Count < PersonalConditions.Count;
            return mixed
                ? new ClassificationResult(Classification.Hybrid, fired, unmet,
                    $"Mixed personal and official use, treated as official: {string.Join(", ", fired)}.")
                : new ClassificationResult(Classification.Official, fired, unmet,
                    $"Official because: {string.Join(", ", fired)}.");
        }

        return unmet.Count == 0
            ? new ClassificationResult(Classification.Personal, [], [], "No official criterion applies and all three personal conditions hold.")
            : new ClassificationResult(Classification.Hybrid, [], unmet,
                $"Not shown to be personal ({string.Join(", ", unmet)} not met), so treated as official.");
    }
}

internal static class ClassificationText
{
    /// <summary>The classification in plain words.</summary>
    public static string Describe(this Classification classification) => classification switch
    {
        Classification.Official => "Official",
        Classification.Hybrid => "Mixed use – treated as official",
        _ => "Personal",
    };
}
