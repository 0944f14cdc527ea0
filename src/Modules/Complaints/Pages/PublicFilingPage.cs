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

    /// <summary>
    /// Every problem with a sent form, for the summary at its top (GOV.UK's error summary): the form-wide ones first,
    /// then each field's, linking to the field (its asp-for id unless <see cref="FieldIds"/> names another).
    /// </summary>
    public IReadOnlyList<FormProblem> Problems => ModelState
        .Where(e => e.Value is { Errors.Count: > 0 })
        .OrderBy(e => e.Key.Length > 0)
        .SelectMany(e => e.Value!.Errors.Select(error => new FormProblem(error.ErrorMessage,
            e.Key.Length == 0 ? null : FieldIds.GetValueOrDefault(e.Key, e.Key.Replace('.', '_')))))
        .Where(p => p.Message.Length > 0)
        .ToList();

    /// <summary>The ids of fields whose ids are written by hand (radios, checkboxes, files), by their model key.</summary>
    protected virtual IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Input.Consent"] = "consent",
        ["Input.Evidence"] = "evidence",
    };

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
