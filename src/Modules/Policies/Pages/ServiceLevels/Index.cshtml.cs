using Governance.Platform.Web;
using Governance.Policies.Contracts;
using Governance.Policies.Features.ServiceLevels;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Policies.Pages.ServiceLevels;

[Authorize]
internal sealed class IndexModel(ServiceLevelService service) : PageModel
{
    public ServiceLevelResponse Level { get; private set; } = null!;

    public Deadline? Preview { get; private set; }

    public int PreviewDays { get; private set; } = 10;

    public string? Message { get; private set; }

    public bool IsAdministrator => User.IsInRole(StaffRoles.Administrator);

    [BindProperty] public TimeOnly? Opens { get; set; }
    [BindProperty] public TimeOnly? Closes { get; set; }
    [BindProperty] public List<DayOfWeek> Days { get; set; } = [];
    [BindProperty] public int Target { get; set; }
    [BindProperty] public DateOnly? HolidayDate { get; set; }
    [BindProperty] public string? HolidayName { get; set; }

    private Guid Municipality => PageHelpers.CurrentMunicipality(HttpContext) ?? Guid.Empty;

    public async Task<IActionResult> OnGetAsync(int? days, string? done, CancellationToken ct)
    {
        Message = done is null ? null : "Saved.";
        if (days is { } d)
        {
            PreviewDays = d;
            var preview = await service.PreviewAsync(Municipality, null, d, null, ct);
            preview.AddTo(ModelState, prefix: "");
            Preview = preview.Value;
        }

        return await ReloadAsync(ct);
    }

    public Task<IActionResult> OnPostHoursAsync(CancellationToken ct)
    {
        var request = new ServiceLevelRequest(Opens, Closes, [.. Days], Target);
        return ApplyAsync(request, () => service.UpdateAsync(Municipality, request, ct), ct);
    }

    public Task<IActionResult> OnPostHolidayAsync(CancellationToken ct)
    {
        var request = new HolidayRequest(HolidayDate, HolidayName ?? "");
        return ApplyAsync(request, () => service.AddHolidayAsync(Municipality, request, ct), ct);
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid holiday, CancellationToken ct)
        => ApplyAsync(null, () => service.RemoveHolidayAsync(Municipality, holiday, ct), ct);

    /// <summary>Administrators only; the request is validated as the API validates it, then applied.</summary>
    private async Task<IActionResult> ApplyAsync<T>(object? request, Func<Task<Result<T>>> change, CancellationToken ct)
    {
        if (!IsAdministrator)
        {
            return Forbid();
        }

        if (request is null || ModelState.TryValidate(request))
        {
            var result = await change();
            result.AddTo(ModelState, prefix: "");
            if (result.Succeeded)
            {
                return Redirect("/policies/service-levels?done=1");
            }
        }

        return await ReloadAsync(ct);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        var level = await service.GetAsync(Municipality, ct);
        if (!level.Succeeded)
        {
            return NotFound();
        }

        Level = level.Value!;
        return Page();
    }
}
