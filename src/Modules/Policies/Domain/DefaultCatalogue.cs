using Governance.Policies.Contracts;

namespace Governance.Policies.Domain;

/// <summary>The defaults a new municipality starts with; each municipality edits its own copy.</summary>
internal static class DefaultCatalogue
{
    /// <summary>R3 prohibited content (AMO 6.1 (1); Middlesex content standards 1-10; Toronto commentary).</summary>
    public static IReadOnlyList<(string Code, string Title, string Description, bool ReportToPolice)> Rules { get; } =
    [
        ("discrimination_harassment", "Discrimination or harassment", "Treating people unfairly or harassing them because of a Human Rights Code ground, including hate-based content.", true),
        ("threats", "Threats or abusive language", "Threatening, insulting or harassing words aimed at anyone.", true),
        ("illegal_dangerous_activity", "Illegal or dangerous activity", "Encouraging people to break the law or do something dangerous.", true),
        ("copyright_trademark", "Copyright or trademark", "Posting someone else's text, photos or logos without the right to.", false),
        ("spam_flooding", "Spam or flooding", "Repeated or junk posts, or drowning out other people in a thread.", false),
        ("commercial_solicitation", "Advertising or selling", "Posts that advertise, sell or promote a business for profit.", false),
        ("false_information", "Harmful false information", "Clearly false information about elections, public health or public safety.", false),
        ("others_personal_info", "Other people's personal information", "Details that identify or expose another person, such as an address or phone number.", false),
        ("confidential_info", "Confidential information", "Revealing confidential municipal information.", false),
        ("off_topic", "Off-topic", "Comments unrelated to the post they are under.", false),
        ("defamatory", "Defamation", "False statements that damage someone's reputation.", false),
        ("public_safety_systems", "Risk to public safety or systems", "Information that could put the public or public systems at risk.", true),
        ("demeaning_portrayal", "Demeaning portrayals", "Degrading pictures or descriptions of people or groups.", false),
        ("prejudicial_religious_political", "Attacks on religious or political groups", "Messages that attack or demean other religious or political groups. Judge the behaviour, never the opinion.", false),
        ("vulgar_sexual", "Vulgar or sexual content", "Crude language or sexual content.", false),
        (RuleCodes.CandidatePosting, "Candidate posting on a municipal account", "During the nomination period, candidates may not post on the municipality's own accounts.", false),
    ];

    /// <summary>R10 Code of Conduct articles relevant to posts, with Toronto's numbering (IC bulletin paras 15-21).</summary>
    public static IReadOnlyList<(string Number, string Title, string Summary)> Articles { get; } =
    [
        ("4", "Gifts and Benefits", "Do not accept free content or services tied to your office, such as content worth over $500 in a year from one source."),
        ("5", "Confidential Information", "Do not reveal confidential information, post during closed (in-camera) meetings, or discuss a resident's private matters online."),
        ("7", "Election Campaign Work", "No municipal staff, devices, space or budget for a re-election account."),
        ("12", "Conduct Respecting Staff", "Do not criticize staff online or damage their professional reputation."),
        ("13", "Conduct Respecting Lobbyists", "Do not use content a lobbyist made about an issue Council will decide."),
        ("14", "Discreditable Conduct", "No abusive, bullying, intimidating or demeaning posts; no discrimination or harassment."),
        ("15", "Council Policies and Procedures", "Accounts that use municipal resources follow municipal policies."),
        ("", "Other Political Activity", "On a municipally supported account, do not promote a candidate or party in any election."),
        ("", "Improper Use of Influence", "On a municipally supported account, do not keep promoting one business over others."),
    ];
}
