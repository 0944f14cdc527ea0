using Governance.Complaints.Features.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Cases;

/// <summary>Work queues: all open, mine, unassigned, overdue, due this week.</summary>
[Authorize]
internal sealed class IndexModel(CaseWork work, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Queue { get; set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await work.QueueAsync(null, null, Queue switch { "mine" => "me", "unassigned" => "unassigned", _ => null },
            Queue == "overdue" ? true : null, ct);
        var weekEnd = clock.GetUtcNow().AddDays(7);
        Cases = all.Where(c => c.Status is "Open" or "OnHold")
            .Where(c => Queue != "week" || c.DueAt <= weekEnd)
            .ToList();
    }
}
