using Governance.Complaints.Features.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Cases;

/// <summary>Work queues of open cases: all, mine, unassigned, overdue, due this week; a page at a time.</summary>
[Authorize]
internal sealed class IndexModel(CaseQueue queue, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Queue { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var result = await queue.QueueAsync(new CaseQuery(
            Assignee: Queue switch { "mine" => "me", "unassigned" => "unassigned", _ => null },
            Overdue: Queue == "overdue" ? true : null,
            Status: CaseQuery.OpenStatuses,
            DueBefore: Queue == "week" ? clock.GetUtcNow().AddDays(7) : null,
            Page: PageNumber), ct);
        Cases = result.Cases;
        HasMore = result.HasMore;
    }

    /// <summary>The address of another page of the same queue.</summary>
    public string PageLink(int page) => Queue is null ? $"/cases?page={page}" : $"/cases?queue={Queue}&page={page}";
}
