using System.ComponentModel.DataAnnotations;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Tracking;

/// <summary>A resident who lost their private link: the case's reference number and the e-mail address they gave.</summary>
internal sealed record LostLinkRequest(
    [property: Required(ErrorMessage = "Enter your reference number, for example APL-2026-000001."),
               MaxLength(40, ErrorMessage = "A reference number is shorter than that.")] string? Reference,
    [property: Required(ErrorMessage = "Enter the e-mail address you gave us."),
               MaxLength(256, ErrorMessage = "Keep the e-mail address under 256 characters.")] string? Email);

/// <summary>What the page and the API answer, whether or not a case matched, so it tells nothing about a case.</summary>
internal sealed record LostLinkAnswer(string Message);

/// <summary>
/// "Lost your link?": when the reference and e-mail match a case, its private link goes again to the address on file
/// (never to the one typed in, though they match). The answer is the same either way.
/// </summary>
internal sealed class ResendLink(ComplaintsDbContext db, CaseMail mail, AuditTrail audit)
{
    public static readonly LostLinkAnswer Answer = new(
        "If the reference number and e-mail address match a case, we sent its private link to that address. It can take a few minutes to arrive.");

    public async Task<LostLinkAnswer> SendAsync(LostLinkRequest request, CancellationToken ct)
    {
        var reference = request.Reference?.Trim().ToUpperInvariant() ?? "";
        var email = request.Email?.Trim() ?? "";
        if (!CaseReferences.IsWellFormed(reference) || email.Length == 0)
        {
            return Answer;
        }

        var found = await db.Cases.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Reference == reference, ct);
        if (found is null || found.ContactEmail.Length == 0 || !string.Equals(found.ContactEmail.Trim(), email, StringComparison.OrdinalIgnoreCase))
        {
            return Answer;
        }

        var noun = found.Kind == CaseKind.Appeal ? "appeal" : "complaint";
        mail.Resident(found, $"Your link to your {noun}", $"You asked for the private link to your {noun} again. If you did not ask, you can ignore this e-mail.");
        audit.Record(db, "case.link-resent", "Case", found.Reference, found.MunicipalityId, "to the address on file");
        await db.SaveChangesAsync(ct);
        return Answer;
    }

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/api/public/cases/lost-link", async (LostLinkRequest request, ResendLink resend, CancellationToken ct) =>
                TypedResults.Ok(await resend.SendAsync(request, ct)))
            .WithTags("Public")
            .WithSummary("Send a case's private link again to the e-mail address on file")
            .Validates<LostLinkRequest>()
            .RequireRateLimiting(RateLimits.PublicForms)
            .DisableAntiforgery() // no cookie is involved: residents have no account
            .AllowAnonymous();
}
