using Governance.Accounts.Contracts;
using Governance.Complaints.Features;
using Governance.Complaints.Features.CodeOfConduct;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Complaints.Pages.Complaints;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
[ShowsFormRefusal]
[RequestSizeLimit(6 * EvidenceStore.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * EvidenceStore.MaxBytes)]
internal sealed class FileModel(IMunicipalityDirectory municipalities, IStaffDirectory staff, IPolicyCatalog policies,
    FileComplaint complaints, Features.Protocol.ComplaintProtocols protocols, Features.Protocol.ElectionWindows windows, TimeProvider clock)
    : PublicFilingPage<FileComplaintRequest>(municipalities)
{
    public Domain.ComplaintProtocol Protocol { get; private set; } = null!;

    public IReadOnlyList<string> LocalBoards => Protocol.LocalBoardList;

    /// <summary>R12: why no complaint can be filed today (the election period under the terminate protocol), or null.</summary>
    public string? Refusal { get; private set; }

    public List<SelectListItem> Members { get; private set; } = [];

    public IReadOnlyList<ConductArticle> Articles { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldIds => new Dictionary<string, string>(base.FieldIds, StringComparer.Ordinal)
    {
        ["Input.ComplainantKind"] = "kind-Resident",
        ["Input.LocalBoard"] = "local-board",
        ["Input.Articles"] = Articles.Count > 0 ? $"article-{Articles[0].Id}" : "articles-error",
        ["Input.DeclarationConfirmed"] = "declaration",
    };

    protected override async Task LoadChoicesAsync(MunicipalityInfo municipality, CancellationToken ct)
    {
        Members = [new SelectListItem("Choose the member", ""),
            .. (await staff.StaffOfAsync(municipality.Id, ct)).Where(s => s.Roles.Contains(StaffRoles.Member))
                .Select(s => new SelectListItem(s.DisplayName, s.UserId.ToString(), s.UserId == Input?.MemberId))];
        Articles = await policies.ArticlesAsync(municipality.Id, ct);
        Protocol = await protocols.PublicAsync(municipality.Id, ct);
        var today = Platform.MunicipalTime.TodayIn(clock, municipality.TimeZone);
        Refusal = Domain.ElectionPeriod.Refusal(await windows.OnAsync(municipality.Id, today, ct), Protocol);
    }

    protected override Task<Result<FiledCase>> FileAsync(FileComplaintRequest input, IReadOnlyList<UploadedFile> files, string baseUrl,
        CancellationToken ct) => complaints.FileAsync(input, files, baseUrl, ct);
}
