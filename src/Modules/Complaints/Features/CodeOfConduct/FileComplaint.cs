using System.ComponentModel.DataAnnotations;
using Governance.Platform;
using Governance.Accounts.Contracts;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Platform.Files;
using Governance.Elections.Contracts;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Governance.Platform.Web;

namespace Governance.Complaints.Features.CodeOfConduct;

/// <summary>A Code of Conduct complaint as the form and the API send it (R10, R16).</summary>
internal sealed class FileComplaintRequest : PublicFilingRequest
{
    [Required(ErrorMessage = "Choose the member of council.")]
    public Guid? MemberId { get; init; }

    [Required(ErrorMessage = "Add the link to each post, one per line.")]
    [MaxLength(4000, ErrorMessage = "Keep the links under 4,000 characters.")]
    public string PostLinks { get; init; } = "";

    [MinLength(1, ErrorMessage = "Choose at least one article of the Code of Conduct.")]
    public List<Guid> Articles { get; init; } = [];

    [Required(ErrorMessage = "Tell us what happened.")]
    [MaxLength(10_000, ErrorMessage = "Keep this under 10,000 characters; attach a file for more.")]
    public string WhatHappened { get; init; } = "";

    public bool AllegesDiscrimination { get; init; }

    [Required(ErrorMessage = "Enter your full name: a formal complaint cannot be anonymous.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter your full name.")]
    [SingleLine]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "Enter your e-mail address so we can send you updates.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.ca.")]
    [MaxLength(256)]
    [SingleLine]
    public string Email { get; init; } = "";

    [MaxLength(40)]
    [SingleLine]
    public string? Phone { get; init; }

    [MaxLength(500)]
    [SingleLine]
    public string? PostalAddress { get; init; }

    [Required(ErrorMessage = "Type your full name to sign the declaration.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Type your full name to sign the declaration.")]
    [SingleLine]
    public string DeclarationName { get; init; } = "";

    [Range(typeof(bool), "true", "true", ErrorMessage = "Confirm the declaration to continue.")]
    public bool DeclarationConfirmed { get; init; }

}

/// <summary>
/// R16: identity and a signed declaration required; the articles from the municipality's catalogue (R10);
/// received in the election blackout, it is held until after voting day (R12).
/// </summary>
internal sealed class FileComplaint(IStaffDirectory staff, IPolicyCatalog policies, IElectionCalendar elections, CaseFiling filing, TimeProvider clock)
{
    public async Task<Result<FiledCase>> FileAsync(FileComplaintRequest request, IReadOnlyList<UploadedFile> files, string baseUrl,
        CancellationToken ct)
    {
        var (municipality, answered) = await filing.OpenAsync(request, ct);
        if (municipality is null || answered is not null)
        {
            return answered!; // turned away, or the case this form already filed
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        var member = (await staff.StaffOfAsync(municipality.Id, ct))
            .FirstOrDefault(s => s.UserId == request.MemberId && s.Roles.Contains(StaffRoles.Member));
        if (member is null)
        {
            Error("memberId", "Choose a member of council from the list.");
        }

        var catalogue = await policies.ArticlesAsync(municipality.Id, ct);
        var articles = catalogue.Where(a => request.Articles.Contains(a.Id)).ToList();
        if (articles.Count != request.Articles.Distinct().Count())
        {
            Error("articles", "Choose articles from this municipality's Code of Conduct.");
        }

        var links = request.PostLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (links.Length == 0 || links.Any(l => !Uri.TryCreate(l, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http")))
        {
            Error("postLinks", "Each line must be a full link starting with https://.");
        }

        if (!string.Equals(request.DeclarationName.Trim(), request.Name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            Error("declarationName", "Sign the declaration with the same full name you gave above.");
        }

        if (await CaseFiling.CheckFilesAsync(files, ct) is { } problem)
        {
            Error("evidence", problem);
        }

        if (errors.Count > 0)
        {
            return Result<FiledCase>.Invalid(errors);
        }

        var today = clock.TodayIn(municipality.TimeZone);
        var blackout = await elections.BlackoutOnAsync(municipality.Id, today, ct);
        var heldUntil = blackout.InBlackout ? blackout.Ends?.AddDays(1) : null;
        var draft = new Case
        {
            MunicipalityId = municipality.Id,
            Kind = CaseKind.Complaint,
            SubmissionId = request.SubmissionId,
            ContactName = request.Name.Trim(),
            ContactEmail = request.Email.Trim(),
            Complaint = new ComplaintDetails
            {
                MemberUserId = member!.UserId,
                MemberName = member.DisplayName,
                PostLinks = string.Join('\n', links),
                Articles = string.Join("; ", articles.Select(a => $"{(a.Number.Length > 0 ? a.Number + " " : "")}{a.Title}")),
                WhatHappened = request.WhatHappened.Trim(),
                Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
                PostalAddress = string.IsNullOrWhiteSpace(request.PostalAddress) ? null : request.PostalAddress.Trim(),
                DeclarationName = request.DeclarationName.Trim(),
                DeclaredAt = clock.GetUtcNow(),
                AllegesDiscrimination = request.AllegesDiscrimination,
                HeldUntil = heldUntil,
            },
        };
        var received = heldUntil is { } until
            ? $"We received your complaint during the election blackout. It is on hold until {until:d MMMM yyyy}, after voting day."
            : "We received your complaint.";
        return Result<FiledCase>.Ok(await filing.FileAsync(draft, ComplaintWorkflow.Name, received, "Your Code of Conduct complaint",
            link => $"Hello {request.Name.Trim()},\n\n{received}\n\nYou can follow your complaint, add information or withdraw it here (keep this link private):\n{link}\n",
            baseUrl, files, ct, startAt: heldUntil is null ? null : ComplaintWorkflow.Held));
    }
}
