using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Platform.Mail;
using Governance.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Governance.Complaints.Workflows;

/// <summary>
/// Every e-mail a case sends, through the outbox in the step's transaction: to the resident (with their private link,
/// marked sensitive so it is cleared after delivery), to the member, to the account's owner, and to staff by role.
/// Staff never see a resident's address: mail goes through the case.
/// </summary>
internal sealed class CaseMail(ComplaintsDbContext db, Platform.Outbox.Outbox outbox, IStaffDirectory staff, IDataProtectionProvider protection,
    PublicAddress address, IHttpContextAccessor http)
{
    public const string TrackingPurpose = "Governance.Complaints.TrackingToken";

    /// <summary>The resident's private tracking link.</summary>
    public string TrackingLink(Case found)
    {
        var token = protection.CreateProtector(TrackingPurpose).Unprotect(found.ProtectedTrackingToken);
        return $"{BaseUrl}/track/{found.Reference}?token={token}";
    }

    public string BaseUrl => http.HttpContext?.Request is { } request ? PublicAddress.Of(request) : address.Configured;

    public void Resident(Case found, string subject, string body)
        => outbox.Mail(db, new OutgoingMail(found.ContactEmail, $"{subject} ({found.Reference})",
            $"{body}\n\nFollow your case here (keep this link private):\n{TrackingLink(found)}\n", Sensitive: true), found.MunicipalityId);

    /// <summary>To a staff member by user id (the member complained about, an account's owner, the reviewer).</summary>
    public async Task UserAsync(Case found, Guid? userId, string subject, string body, CancellationToken ct)
    {
        if (userId is null)
        {
            return;
        }

        var person = (await staff.StaffOfAsync(found.MunicipalityId, ct)).FirstOrDefault(s => s.UserId == userId);
        if (person is { Email.Length: > 0 })
        {
            outbox.Mail(db, new OutgoingMail(person.Email, $"{subject} ({found.Reference})", $"{body}\n\nOpen the case: {BaseUrl}/cases/{found.Reference}\n"),
                found.MunicipalityId);
        }
    }

    /// <summary>To everyone of a role in the case's municipality (e.g. the Integrity Commissioner).</summary>
    public async Task RoleAsync(Case found, string role, string subject, string body, CancellationToken ct, Guid? except = null)
    {
        foreach (var person in (await staff.StaffOfAsync(found.MunicipalityId, ct)).Where(s => s.Roles.Contains(role) && s.UserId != except))
        {
            outbox.Mail(db, new OutgoingMail(person.Email, $"{subject} ({found.Reference})", $"{body}\n\nOpen the case: {BaseUrl}/cases/{found.Reference}\n"),
                found.MunicipalityId);
        }
    }

    public void Publish<TEvent>(Case found, TEvent integrationEvent)
        where TEvent : SharedKernel.IIntegrationEvent => outbox.Publish(db, integrationEvent, found.MunicipalityId);
}
