namespace Governance.Platform.Web;

/// <summary>Rate-limit policies the host defines and modules apply by name.</summary>
public static class RateLimits
{
    /// <summary>Public forms (appeals, complaints, tracking uploads): a limit per address per hour.</summary>
    public const string PublicForms = "public-forms";
}
