using Governance.Complaints.Features.Tracking;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Complaints.Pages.Tracking;

/// <summary>"Lost your link?": the resident gives the reference and e-mail; the link goes to the address on file.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
internal sealed class LostLinkModel(ResendLink resend) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public string? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new LostLinkRequest(Reference, Email);
        foreach (var (field, errors) in ValidationFilter.Validate(request))
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(field, error);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        Sent = (await resend.SendAsync(request, ct)).Message;
        return Page();
    }
}
