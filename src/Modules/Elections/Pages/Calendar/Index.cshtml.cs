using Governance.Platform;
using Governance.Elections.Domain;
using Governance.Elections.Features;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Elections.Pages.Calendar;

[Authorize]
internal sealed class IndexModel(ElectionCalendarQueries queries, TimeProvider clock) : PageModel
{
    public CalendarResponse Calendar { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool Saved { get; private set; }

    public int DaysBeforeVoting { get; private set; } = 90;

    public bool CanEdit => StaffPolicies.Allows(User, StaffPolicies.ElectionClerks);

    private Guid Municipality => PageHelpers.CurrentMunicipality(HttpContext) ?? Guid.Empty;

    public async Task<IActionResult> OnGetAsync(int? year, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(year, ct);
    }

    public async Task<IActionResult> OnPostAsync(BlackoutRule? rule, int daysBeforeVoting, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var request = new BlackoutSettingsRequest { Rule = rule, DaysBeforeVoting = daysBeforeVoting };
        if (ModelState.TryValidate(request))
        {
            var result = await queries.SetBlackoutAsync(Municipality, request, NextYear, ct);
            if (result.Succeeded)
            {
                return Redirect("/elections?saved=true");
            }

            result.AddTo(ModelState, prefix: "");
        }

        return await LoadAsync(null, ct);
    }

    private int NextYear => ElectionCalendar.NextElectionYear(clock.TodayIn("America/Toronto"));

    private async Task<IActionResult> LoadAsync(int? year, CancellationToken ct)
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
}
