using Governance.Complaints.Domain;

namespace Governance.Complaints.Pages;

/// <summary>A form's notice of collection (MFIPPA s.29(2)): why, under what law, who sees what, and whom to ask.</summary>
internal sealed record PrivacyNotice(string Purpose, string Authority, string Contact, IReadOnlyList<NoticeLine> Lines)
{
    public static PrivacyNotice ForComplaint(string municipality, ComplaintProtocol protocol) => new(
        "We use your information only to deal with your complaint: to assess and investigate it, to tell you how it goes, and to report to council.",
        "the Municipal Act, 2001, sections 223.3 to 223.6 (the Integrity Commissioner's inquiries, which the Commissioner keeps secret under section 223.5), "
        + $"and {municipality}'s Code of Conduct complaint protocol",
        protocol.PrivacyContact ?? $"the Integrity Commissioner's office, through the Clerk of {municipality}.",
        NeedToKnow.ComplaintNotice);

    public static PrivacyNotice ForAppeal(string municipality) => new(
        "We use your information only to deal with your appeal: to find the account, to have whoever runs it decide, and to tell you the outcome.",
        $"the Municipal Act, 2001, sections 8 and 11 (the municipality's services and its social media accounts), and {municipality}'s social media policy",
        $"the Clerk of {municipality}.",
        NeedToKnow.AppealNotice);
}
