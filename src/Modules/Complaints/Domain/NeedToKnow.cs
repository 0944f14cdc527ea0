using Governance.SharedKernel;

namespace Governance.Complaints.Domain;

/// <summary>How much of a case a person sees (R15).</summary>
internal enum Sight
{
    None = 0,

    /// <summary>The social media team: an appeal's facts and decision, never the resident's e-mail.</summary>
    AppealTeam,

    /// <summary>The member who runs the account appealed: the appeal to decide, never the resident's e-mail.</summary>
    AppealOwner,

    /// <summary>The municipality's reviewer of an escalated corporate appeal: the appeal and its decision, no e-mail.</summary>
    AppealReviewer,

    /// <summary>The member complained about, once notified: the complaint and the complainant's name unless withheld; never contact details.</summary>
    Member,

    /// <summary>The clerk, once the report reaches council: the member, the articles and the report as issued, to record council's decision.</summary>
    Council,

    /// <summary>The Integrity Commissioner's team: the whole file of a Code of Conduct complaint.</summary>
    Full,
}

/// <summary>Who is looking: their user id and roles.</summary>
internal sealed record Viewer(Guid? UserId, IReadOnlyCollection<string> Roles)
{
    public bool Is(string role) => Roles.Contains(role);

    public bool IsIcTeam => Is(StaffRoles.IntegrityCommissioner) || Is(StaffRoles.Investigator);

    public bool IsSocialMediaTeam => Is(StaffRoles.SocialMediaManager) || Is(StaffRoles.Moderator);
}

/// <summary>What decides an appeal's sight: its owner, and whether it has reached the owner or the reviewer.</summary>
internal sealed record AppealFacts(AppealOwner Owner, bool RoutedToOwner, Guid? ReviewerUserId, bool Escalated);

/// <summary>What decides a complaint's sight.</summary>
internal sealed record ComplaintFacts(Guid? MemberUserId, bool MemberNotified, bool ReportIssued);

/// <summary>
/// R15 and the IC's duty of secrecy (Municipal Act s.223.5): only the IC's team sees a Code of Conduct file; the member
/// sees the complaint once notified, without the complainant's contact details; the clerk sees a complaint only when
/// its report reaches council. Appeals are the account owner's business: the IC's team sees one only once it has become
/// a complaint (a separate case), and nobody but the case itself holds the resident's e-mail.
/// </summary>
internal static class NeedToKnow
{
    public static Sight OfAppeal(AppealFacts appeal, Viewer viewer)
    {
        if (appeal.Owner.Kind == AccountOwnerKind.Member && appeal.RoutedToOwner && viewer.UserId == appeal.Owner.MemberUserId)
        {
            return Sight.AppealOwner;
        }

        if (viewer.IsSocialMediaTeam)
        {
            return Sight.AppealTeam;
        }

        return appeal.Escalated && appeal.ReviewerUserId is { } reviewer && viewer.UserId == reviewer ? Sight.AppealReviewer : Sight.None;
    }

    public static Sight OfComplaint(ComplaintFacts complaint, Viewer viewer)
    {
        if (viewer.IsIcTeam)
        {
            return Sight.Full;
        }

        if (complaint.MemberNotified && complaint.MemberUserId is { } member && viewer.UserId == member)
        {
            return Sight.Member;
        }

        return complaint.ReportIssued && viewer.Is(StaffRoles.Clerk) ? Sight.Council : Sight.None;
    }

    /// <summary>The complainant's or appellant's e-mail, phone and address: the IC's team on a complaint, nobody on an appeal.</summary>
    public static bool SeesContactDetails(Sight sight) => sight == Sight.Full;

    /// <summary>The member sees the complainant's name unless the IC withheld it (with a reason on file).</summary>
    public static bool SeesComplainantName(Sight sight, bool withheld)
        => sight is Sight.Full or Sight.AppealTeam or Sight.AppealOwner or Sight.AppealReviewer || sight == Sight.Member && !withheld;

    /// <summary>Evidence files, internal notes and the investigation record.</summary>
    public static bool SeesInvestigation(Sight sight) => sight is Sight.Full or Sight.AppealTeam;

    /// <summary>
    /// What each audience of a complaint sees, in the words of the privacy notice (MFIPPA s.29(2)); a test holds each line
    /// to what that audience's view actually shows.
    /// </summary>
    public static IReadOnlyList<NoticeLine> ComplaintNotice { get; } =
    [
        new("The Integrity Commissioner and their investigators", "your whole complaint, including your e-mail, phone number and address",
            Sight.Full, Name: true, Contact: true, Allegation: true),
        new("The member you complain about", "your complaint and your name (unless the Integrity Commissioner withholds it, with a reason), once an investigation starts; never your e-mail, phone number or address",
            Sight.Member, Name: true, Contact: false, Allegation: true),
        new("The clerk", "only the report, when it goes to council, and counts of open complaints; never your name or contact details",
            Sight.Council, Name: false, Contact: false, Allegation: false),
        new("The public", "the report when it is issued to council, with personal details removed", Sight.None, Name: false, Contact: false, Allegation: false),
    ];

    public static IReadOnlyList<NoticeLine> AppealNotice { get; } =
    [
        new("The municipality's social media team", "your appeal and your name, to find the account and pass it to whoever runs it; not your e-mail address",
            Sight.AppealTeam, Name: true, Contact: false, Allegation: true),
        new("Whoever runs the account (the member, or the municipality's social media team)", "your appeal and your name, to decide it; not your e-mail address (replies come through this service)",
            Sight.AppealOwner, Name: true, Contact: false, Allegation: true),
        new("The municipality's reviewer", "your appeal, its decision and your name, only if you escalate an appeal about a municipal account; not your e-mail address",
            Sight.AppealReviewer, Name: true, Contact: false, Allegation: true),
        new("The Integrity Commissioner", "nothing, unless you take an appeal about a member's account to them as a Code of Conduct complaint",
            Sight.None, Name: false, Contact: false, Allegation: false),
    ];
}

/// <summary>One line of a privacy notice: who, what they see in words, and the same as facts a test checks.</summary>
internal sealed record NoticeLine(string Who, string Sees, Sight Sight, bool Name, bool Contact, bool Allegation);
