using Governance.Accounts.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Elections.Features.Campaigns;
using Governance.Elections.Features.Dashboard;
using Governance.Platform;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Pages.Dashboard;

/// <summary>The clerk's election dashboard: who is running, each account's plan, checklist progress, overdue steps.</summary>
[Authorize(Policy = StaffPolicies.ElectionOverseers)]
internal sealed class IndexModel(ElectionsDbContext db, CampaignService campaigns, ClerkDashboard dashboard, CalendarFeed feed,
    IStaffDirectory staff, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ElectionView> Elections { get; private set; } = [];

    public DashboardView? View { get; private set; }

    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public string? FeedUrl { get; private set; }

    public int NextYear { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public AddCandidateRequest Candidate { get; set; } = new();

    [BindProperty]
    public CreateElectionRequest ByElection { get; set; } = new();

    public bool CanEdit => campaigns.IsClerk;

    private Guid Municipality => PageHelpers.CurrentMunicipality(HttpContext) ?? Guid.Empty;

    public async Task<IActionResult> OnGetAsync(Guid? election, string? saved, CancellationToken ct)
    {
        Message = saved;
        return await LoadAsync(election, ct);
    }

    public async Task<IActionResult> OnPostStartAsync(int year, CancellationToken ct)
    {
        var result = await campaigns.CreateElectionAsync(Municipality, new CreateElectionRequest { Kind = ElectionKind.Regular, Year = year }, ct);
        return Done(result, e => e.Id, "Tracking started.") ?? await LoadAsync(null, ct);
    }

    public async Task<IActionResult> OnPostByElectionAsync(CancellationToken ct)
    {
        var request = new CreateElectionRequest
        {
            Kind = ElectionKind.ByElection, Name = ByElection.Name, NominationPeriodOpens = ByElection.NominationPeriodOpens,
            NominationDay = ByElection.NominationDay, VotingDay = ByElection.VotingDay, TermStarts = ByElection.TermStarts,
            CampaignPeriodEnds = ByElection.CampaignPeriodEnds,
        };
        ModelState.Clear();
        if (ModelState.TryValidate(request, "ByElection"))
        {
            var result = await campaigns.CreateElectionAsync(Municipality, request, ct);
            if (Done(result, e => e.Id, "The by-election is added.", "ByElection") is { } done)
            {
                return done;
            }
        }

        return await LoadAsync(null, ct);
    }

    public async Task<IActionResult> OnPostCandidateAsync(Guid election, CancellationToken ct)
    {
        ModelState.Clear();
        if (ModelState.TryValidate(Candidate, "Candidate"))
        {
            var result = await campaigns.AddCandidateAsync(election, Candidate, ct);
            if (Done(result, c => c.ElectionId, "The candidate is added.", "Candidate") is { } done)
            {
                return done;
            }
        }

        return await LoadAsync(election, ct);
    }

    public async Task<IActionResult> OnPostDatesAsync(Guid election, ElectionDatesRequest dates, CancellationToken ct)
    {
        ModelState.Clear();
        if (ModelState.TryValidate(dates, "Dates"))
        {
            var result = await campaigns.SetDatesAsync(election, dates, ct);
            if (Done(result, e => e.Id, "The dates are saved.", "Dates") is { } done)
            {
                return done;
            }
        }

        return await LoadAsync(election, ct);
    }

    private IActionResult? Done<T>(Result<T> result, Func<T, Guid> election, string message, string prefix = "")
    {
        if (result.Succeeded)
        {
            return Redirect($"/elections/dashboard?election={election(result.Value!)}&saved={Uri.EscapeDataString(message)}");
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        result.AddTo(ModelState, prefix);
        return null;
    }

    private async Task<IActionResult> LoadAsync(Guid? electionId, CancellationToken ct)
    {
        NextYear = ElectionCalendar.NextElectionYear(clock.TodayIn("America/Toronto"));
        Elections = (await db.Elections.AsNoTracking().Where(e => e.MunicipalityId == Municipality).ToListAsync(ct))
            .OrderByDescending(e => e.VotingDay).Select(ElectionView.From).ToList();
        var today = await campaigns.TodayAsync(Municipality, ct);
        var chosen = electionId ?? Elections.Where(e => e.CampaignPeriodEnds >= today).OrderBy(e => e.VotingDay).FirstOrDefault()?.Id
            ?? Elections.FirstOrDefault()?.Id;
        if (chosen is { } id)
        {
            var result = await dashboard.ForElectionAsync(id, ct);
            if (result.Status == ResultStatus.NotFound)
            {
                return NotFound();
            }

            View = result.Value;
            FeedUrl = View is null ? null : $"{PublicAddress.Of(Request)}/api/elections/feeds/{feed.TokenFor(View.Election)}/calendar.ics";
        }

        Members = (await staff.StaffOfAsync(Municipality, ct)).Where(s => s.Roles.Contains(StaffRoles.Member)).ToList();
        return Page();
    }
}
