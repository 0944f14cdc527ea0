using Governance.Accounts.Contracts;
using Governance.Complaints.Features;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages;

/// <summary>
/// What the public appeal and complaint forms share: the municipality from the address, evidence files, a one-time
/// id per form, and filing with messages beside the fields or a redirect to the tracking page.
/// </summary>
internal abstract class PublicFilingPage<TRequest>(IMunicipalityDirectory municipalities) : PageModel
    where TRequest : PublicFilingRequest
{
    [BindProperty]
    public TRequest? Input { get; set; }

    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    public MunicipalityInfo Municipality { get; private set; } = null!;

    public Guid SubmissionId { get; private set; } = Guid.NewGuid();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        SubmissionId = Input?.SubmissionId ?? Guid.NewGuid();
        if (HttpContext.Features.Get<FormRefusal>() is { } refused)
        {
            // Too many forms from this address this hour: nothing is saved; the form comes back with why and when.
            ModelState.Clear();
            ModelState.AddModelError("", $"{refused.Explanation} What you typed is kept below, but choose any files again.");
            return Page();
        }

        if (!ModelState.IsValid || Input is null)
        {
            return Page();
        }

        var result = await FileAsync(Input, Evidence.Select(UploadedFile.From).ToList(), PublicEndpoints.BaseUrl(Request), ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }

        return Redirect($"{result.Value!.TrackingPath}&filed=true");
    }

    /// <summary>The form's own choices for this municipality (its accounts, its members and articles).</summary>
    protected abstract Task LoadChoicesAsync(MunicipalityInfo municipality, CancellationToken ct);

    protected abstract Task<Result<FiledCase>> FileAsync(TRequest input, IReadOnlyList<UploadedFile> files, string baseUrl,
        CancellationToken ct);

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var municipality = await municipalities.FindBySlugAsync(slug, ct);
        if (municipality is null)
        {
            return false;
        }

        Municipality = municipality;
        await LoadChoicesAsync(municipality, ct);
        return true;
    }
}
