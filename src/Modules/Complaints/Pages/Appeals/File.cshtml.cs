using Governance.Accounts.Contracts;
using Governance.Complaints.Features;
using Governance.Complaints.Features.Appeals;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Complaints.Pages.Appeals;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
[ShowsFormRefusal]
[RequestSizeLimit(6 * EvidenceStore.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * EvidenceStore.MaxBytes)]
internal sealed class FileModel(IMunicipalityDirectory municipalities, IAccountRegistry accounts, FileAppeal appeals)
    : PublicFilingPage<FileAppealRequest>(municipalities)
{
    public List<SelectListItem> Accounts { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldIds => new Dictionary<string, string>(base.FieldIds, StringComparer.Ordinal)
    {
        ["Input.Subject"] = "subject-blocked",
        ["Input.Grounds"] = $"ground-{Domain.HumanRightsGrounds.All[0].Code}",
    };

    protected override async Task LoadChoicesAsync(MunicipalityInfo municipality, CancellationToken ct)
        => Accounts = [new SelectListItem("Choose the account, or describe it below", ""),
            .. (await accounts.ListAsync(municipality.Id, ct)).Select(a =>
                new SelectListItem($"{a.Handle} on {a.Platform} ({a.OwnerName})", a.Id.ToString(), a.Id == Input?.AccountId))];

    protected override Task<Result<FiledCase>> FileAsync(FileAppealRequest input, IReadOnlyList<UploadedFile> files, string baseUrl,
        CancellationToken ct) => appeals.FileAsync(input, files, baseUrl, ct);
}
