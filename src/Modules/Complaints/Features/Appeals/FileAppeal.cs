using System.ComponentModel.DataAnnotations;
using Governance.Platform;
using Governance.Accounts.Contracts;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Platform.Files;
using Governance.SharedKernel;
using Governance.Platform.Web;

namespace Governance.Complaints.Features.Appeals;

/// <summary>A resident's appeal, as the form and the API send it. A class so pages can bind it.</summary>
internal sealed class FileAppealRequest : PublicFilingRequest
{
    public Guid? AccountId { get; init; }

    [MaxLength(500, ErrorMessage = "Describe the account in at most 500 characters.")]
    [SingleLine]
    public string? AccountDescription { get; init; }

    [MaxLength(200, ErrorMessage = "Keep your handle under 200 characters.")]
    [SingleLine]
    public string? PlatformHandle { get; init; }

    [Required(ErrorMessage = "Tell us what happened.")]
    public AppealSubject? Subject { get; init; }

    [Required(ErrorMessage = "Enter the date it happened.")]
    public DateOnly? HappenedOn { get; init; }

    [MaxLength(10_000, ErrorMessage = "Keep what you posted under 10,000 characters; attach a screenshot for more.")]
    public string? ContentPosted { get; init; }

    [MaxLength(2000, ErrorMessage = "Keep this under 2,000 characters.")]
    public string? ReasonGiven { get; init; }

    public List<string> Grounds { get; init; } = [];

    [MaxLength(200, ErrorMessage = "Keep your name under 200 characters.")]
    [SingleLine]
    public string? Name { get; init; }

    [Required(ErrorMessage = "Enter your e-mail address so we can send you updates.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.ca.")]
    [MaxLength(256)]
    [SingleLine]
    public string Email { get; init; } = "";

}

/// <summary>R9: anyone blocked, or whose post was removed, can ask for a review and get a reference number.</summary>
internal sealed class FileAppeal(IAccountRegistry accounts, CaseFiling filing, TimeProvider clock)
{
    public async Task<Result<FiledCase>> FileAsync(FileAppealRequest request, IReadOnlyList<UploadedFile> files, string baseUrl,
        CancellationToken ct)
    {
        var (municipality, answered) = await filing.OpenAsync(request, ct);
        if (municipality is null || answered is not null)
        {
            return answered!; // turned away, or the case this form already filed
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        AccountSummary? account = null;
        if (request.AccountId is { } accountId)
        {
            account = await accounts.FindAsync(municipality.Id, accountId, ct);
            if (account is null)
            {
                Error("accountId", "We could not find that account. Describe it instead.");
            }
        }
        else if (string.IsNullOrWhiteSpace(request.AccountDescription))
        {
            Error("accountDescription", "Choose the account from the list, or describe it (platform and name).");
        }

        var today = clock.TodayIn(municipality.TimeZone);
        if (request.HappenedOn > today)
        {
            Error("happenedOn", "The date cannot be in the future.");
        }
        else if (request.HappenedOn < today.AddYears(-5))
        {
            Error("happenedOn", "Enter a date in the last five years.");
        }

        if (request.Subject is AppealSubject.PostDeleted or AppealSubject.CommentHidden && string.IsNullOrWhiteSpace(request.ContentPosted))
        {
            Error("contentPosted", "Tell us what you had posted, as closely as you can.");
        }

        if (request.Grounds.FirstOrDefault(g => !HumanRightsGrounds.IsKnown(g)) is { } unknown)
        {
            Error("grounds", $"'{unknown}' is not one of the Human Rights Code grounds.");
        }

        if (await CaseFiling.CheckFilesAsync(files, ct) is { } problem)
        {
            Error("evidence", problem);
        }

        if (errors.Count > 0)
        {
            return Result<FiledCase>.Invalid(errors);
        }

        var draft = new Case
        {
            MunicipalityId = municipality.Id,
            Kind = CaseKind.Appeal,
            SubmissionId = request.SubmissionId,
            ContactName = request.Name?.Trim() ?? "",
            ContactEmail = request.Email.Trim(),
            Appeal = new AppealDetails
            {
                AccountId = account?.Id,
                AccountDescription = account is null ? request.AccountDescription?.Trim() : $"{account.Handle} ({account.Platform})",
                PlatformHandle = string.IsNullOrWhiteSpace(request.PlatformHandle) ? null : request.PlatformHandle.Trim(),
                Subject = request.Subject!.Value,
                HappenedOn = request.HappenedOn!.Value,
                ContentPosted = request.ContentPosted?.Trim(),
                ReasonGiven = request.ReasonGiven?.Trim(),
                Grounds = string.Join(',', request.Grounds.Distinct()),
                ConsentedAt = clock.GetUtcNow(),
            },
        };
        return Result<FiledCase>.Ok(await filing.FileAsync(draft, Workflows.Appeals.AppealFlow.Name,
            "We received your appeal.", "Your appeal", link =>
                $"Hello{(string.IsNullOrWhiteSpace(request.Name) ? "" : " " + request.Name.Trim())},\n\n"
                + $"We received your appeal to {municipality.Name}. Your reference number is shown in the subject of this e-mail.\n\n"
                + $"You can follow your appeal, add information or withdraw it here (keep this link private):\n{link}\n\n"
                + "We will e-mail you at each step.\n",
            baseUrl, files, ct));
    }
}
