using Governance.Elections.Features.Campaigns;
using Governance.Elections.Features.Dashboard;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Elections.Pages.My;

/// <summary>A member's own candidacies and election task list (reminders and overdue steps).</summary>
[Authorize]
internal sealed class IndexModel(ClerkDashboard dashboard, CampaignService campaigns, ICurrentActor actor) : PageModel
{
    public IReadOnlyList<(ElectionView Election, CandidateRow Candidate)> Candidacies { get; private set; } = [];

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Candidacies = await dashboard.MineAsync(actor.UserId!.Value, ct);
        Tasks = await dashboard.TasksOfAsync(actor.UserId!.Value, ct);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid task, CancellationToken ct)
        => (await campaigns.MarkTaskDoneAsync(task, ct)).Succeeded ? Redirect("/elections/my") : NotFound();
}
