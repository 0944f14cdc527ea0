using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Host.Pages.Status;

/// <summary>
/// What a person sees, instead of a JSON error, when a page cannot be shown: re-executed by the status-code and
/// exception middleware with the original status kept, for any method (a refused form post lands here too).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    /// <summary>For a refused tracking link: where to ask for it again.</summary>
    public bool WasTrackingLink { get; private set; }

    /// <summary>For too many requests: when to try again, in words.</summary>
    public string? TryAgain { get; private set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        // Reached directly (/status), it is an ordinary page; re-executed, it tells of the original request.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Code = original is null ? StatusCodes.Status404NotFound : Response.StatusCode;
        WasTrackingLink = original?.StartsWith("/track/", StringComparison.OrdinalIgnoreCase) == true;
        (Heading, Explanation) = Code switch
        {
            StatusCodes.Status400BadRequest => ("We could not read that request",
                "Something in what was sent did not make sense to us. If you were filling in a form, go back, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("You cannot see this page",
                "Your account does not give access to it. If you need it for your work, ask an administrator."),
            StatusCodes.Status404NotFound when WasTrackingLink => ("We could not find your case",
                "The link may be cut short or mistyped. Copy the whole link from the e-mail we sent you, or ask us to send it again."),
            StatusCodes.Status404NotFound => ("Page not found",
                "The address may be mistyped, or the page may have moved. If you typed it, check it and try again."),
            StatusCodes.Status405MethodNotAllowed => ("That cannot be done here",
                "This page cannot be used that way. Go back and use the links and buttons on the page."),
            StatusCodes.Status413PayloadTooLarge => ("What you sent is too large",
                "Go back and send smaller files, or fewer at once."),
            StatusCodes.Status429TooManyRequests => ("Too many forms sent from your address",
                "To keep the service working for everyone, we take only a few forms an hour from one address."),
            >= 500 => ("Sorry, something went wrong on our side",
                "We could not finish your request. Nothing you did caused it. Please try again in a few minutes."),
            _ => ("We could not show this page", "Go back and try again, or start from the home page."),
        };
        if (Code == StatusCodes.Status429TooManyRequests)
        {
            TryAgain = int.TryParse(Response.Headers.RetryAfter, out var seconds) && seconds > 0
                ? $"Please try again in about {Minutes(seconds)}."
                : "Please try again in an hour.";
        }

        // Re-executed, the response already carries the original status; reached directly, it is a plain 404.
        Response.StatusCode = Code;
        return Page();
    }

    private static string Minutes(int seconds)
    {
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        return minutes <= 1 ? "a minute" : $"{minutes} minutes";
    }
}
