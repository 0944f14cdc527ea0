using Governance.Platform;
using Governance.Elections.Domain;
using Governance.Elections.Features;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Elections.Pages.Calendar;

[Authorize]
internal sealed class IndexModel(ElectionCalendarQueries queries, TimeProvider clock) : PageModel
{
    public CalendarResponse Calendar { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    private Guid Municipality => PageHelpers.CurrentMunicipality(HttpContext) ?? Guid.Empty;

    private int NextYear => ElectionCalendar.NextElectionYear(clock.TodayIn("America/Toronto"));

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var result = await queries.CalendarAsync(Municipality, year ?? NextYear, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Calendar = result.Value!;
        Years = [NextYear - 4, NextYear, NextYear + 4];
        return Page();
    }

    /// <summary>The clerk's blackout form is gone (issue 12); a page left open from before still posts here.</summary>
    public IActionResult OnPost()
    {
        Response.Headers.Allow = "GET";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }
}
