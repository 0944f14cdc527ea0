namespace Governance.Policies.Domain;

/// <summary>One thing a terms-of-use or house-rules document must say (R2).</summary>
internal sealed record RequiredElement(string Code, string Title, string Description, string Source);

/// <summary>
/// R2: what terms of use / house rules must cover (Toronto IC bulletin paras 22-24; AMO Handguide 6.3;
/// Middlesex Centre CPS.21.06 "Availability" and "Disclaimer").
/// </summary>
internal static class RequiredElements
{
    public static IReadOnlyList<RequiredElement> All { get; } =
    [
        new("content_scope", "(a) What gets posted", "What kind of content the account owner will post.", "Toronto 23(a)"),
        new("resources_disclosure", "(b) Municipal support", "Whether municipal staff, money or equipment help run the account.", "Toronto 23(b)"),
        new("open_to_replies", "(c)(i) Who can post", "Whether other people can comment, reply or post on the account.", "Toronto 23(c)(i)"),
        new("service_requests_privacy", "(c)(ii) Service requests", "How residents' requests for help are handled so their personal details stay private.", "Toronto 23(c)(ii); AMO 6.1"),
        new("removal_rules", "(c)(iii) What is removed", "Which kinds of posts by others will be taken down.", "Toronto 23(c)(iii)"),
        new("blocking_rules", "(c)(iv) Blocking", "When someone can be blocked, for what reasons, and for how long.", "Toronto 23(c)(iv)"),
        new("complaint_and_restore", "(c)(v) How to object", "How to complain about posts, a deleted comment or a block, and ask to be let back in.", "Toronto 23(c)(v)"),
        new("prohibited_content_list", "List of content not allowed", "A clear list of the kinds of content that are not allowed.", "AMO 6.1, 6.3; Middlesex content standards"),
        new("right_to_remove", "Right to remove", "The owner may hide or delete content that breaks the rules, and block users who keep doing so.", "AMO 6.3; Middlesex content standards"),
        new("endorsement_disclaimer", "Not an endorsement", "Following, liking or sharing is not agreement, and the owner is not responsible for others' posts.", "AMO 6.3; Middlesex Disclaimer"),
        new("not_for_formal_complaints", "Not for formal complaints", "Social media is not for formal complaints; the document names the secure channel to use instead.", "AMO 6.3; Middlesex"),
        new("monitoring_hours", "When it is watched", "The days and hours the account is checked, and that it is not watched around the clock.", "AMO 6.3; Middlesex Availability"),
        new("privacy_warning", "Privacy warning", "Posts are public and may become records; do not post personal details.", "AMO 6.3; Middlesex Privacy"),
    ];

    public static bool IsKnown(string code) => All.Any(e => e.Code == code);

    /// <summary>The elements no section of the document is marked as covering.</summary>
    public static IReadOnlyList<RequiredElement> Missing(IReadOnlyDictionary<string, string> coveredBySection)
        => All.Where(e => !coveredBySection.TryGetValue(e.Code, out var section) || string.IsNullOrWhiteSpace(section))
            .ToList();
}
