namespace Governance.Platform.Web;

/// <summary>Rate-limit policies the host defines and modules apply by name.</summary>
public static class RateLimits
{
    /// <summary>
    /// Public forms (appeals, complaints, tracking uploads): sending one counts against a limit per client address per
    /// hour; reading a form is never limited.
    /// </summary>
    public const string PublicForms = "public-forms";
}
