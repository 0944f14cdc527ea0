using Governance.Accounts.Contracts;
using Governance.Elections.Domain;
using Governance.Elections.Features.Campaigns;
using Governance.Elections.Features.Dashboard;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Elections.Pages.Candidates;

/// <summary>One candidate: filing dates, a plan per account, and the R11 steps with evidence, verification and re-checks.</summary>
[Authorize]
[RequestSizeLimit(EvidenceStore.MaxBytes + (64 * 1024))]
internal sealed class DetailsModel(CampaignService campaigns, ClerkDashboard dashboard, IAccountRegistry accounts,
    ICurrentActor actor) : PageModel
{
    public ElectionView Election { get; private set; } = null!;

    public CandidateRow Candidate { get; private set; } = null!;

    public IReadOnlyList<AccountSummary> MemberAccounts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Message { get; private set; }

    public bool IsClerk => User.IsInRole(StaffRoles.Clerk);

    public bool CanEdit => campaigns.IsClerk || actor.UserId == Candidate.MemberUserId;

    public bool CampaignOver => Today > Election.CampaignPeriodEnds;

    public async Task<IActionResult> OnGetAsync(Guid id, string? saved, CancellationToken ct)
    {
        Message = saved;
        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostFilingAsync(Guid id, DateOnly? intendedFilingDate, DateOnly? actualFilingDate, CancellationToken ct)
        => await ShowAsync(id, await campaigns.SetFilingDatesAsync(id,
            new FilingDatesRequest { IntendedFilingDate = intendedFilingDate, ActualFilingDate = actualFilingDate }, ct), "The filing dates are saved.", ct);

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CampaignPlanRequest plan, CancellationToken ct)
    {
        ModelState.Clear();
        return ModelState.TryValidate(plan)
            ? await ShowAsync(id, await campaigns.SetPlanAsync(id, plan, ct), "The campaign plan is saved.", ct)
            : await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid step, string? evidenceUrl, string? note, IFormFile? evidence,
        CancellationToken ct)
        => await ShowAsync(id, await campaigns.CompleteItemAsync(step, evidenceUrl, note,
            evidence is null ? [] : [UploadedFile.From(evidence)], ct), "The step is marked done.", ct);

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, Guid step, CancellationToken ct)
        => await ShowAsync(id, await campaigns.VerifyItemAsync(step, ct), "The step is verified.", ct);

    public async Task<IActionResult> OnPostRecheckAsync(Guid id, Guid plan, RecheckRequest recheck, CancellationToken ct)
    {
        ModelState.Clear();
        return ModelState.TryValidate(recheck)
            ? await ShowAsync(id, await campaigns.RecheckAsync(plan, recheck, ct), "The re-check is recorded.", ct)
            : await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, Guid plan, CancellationToken ct)
        => await ShowAsync(id, await campaigns.RestoreAsync(plan, ct), "The account is recorded as restored.", ct);

    private async Task<IActionResult> ShowAsync<T>(Guid id, Result<T> result, string message, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return Redirect($"/elections/candidates/{id}?saved={Uri.EscapeDataString(message)}");
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        result.AddTo(ModelState, prefix: "");
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await dashboard.ForCandidateAsync(id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        (Election, Candidate) = result.Value;
        Today = await campaigns.TodayAsync(Election.MunicipalityId, ct);
        MemberAccounts = (await accounts.ListAsync(Election.MunicipalityId, ct))
            .Where(a => a.OwnerType == "Member" && a.OwnerUserId == Candidate.MemberUserId).ToList();
        return Page();
    }

    public static string Describe(string choice) => choice switch
    {
        nameof(CampaignChoice.SeparateCampaignAccount) => "A separate campaign account",
        nameof(CampaignChoice.Conversion) => "This account, converted for the campaign",
        _ => "Not used in the campaign",
    };
}
