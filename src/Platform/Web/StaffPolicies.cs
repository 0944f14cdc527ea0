using System.Security.Claims;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Platform.Web;

/// <summary>
/// One named authorization policy per audience, used by the API and the pages alike. Every policy also requires
/// a staff account with a role and at least one municipality assignment: a sign-in without them gets nothing.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any staff member (the default for <c>[Authorize]</c> and <c>RequireAuthorization()</c>).</summary>
    public const string Staff = "staff";

    public const string Administrators = "administrators";

    /// <summary>Those who give staff roles: an Administrator, and the IC for the IC's own team.</summary>
    public const string RoleGranters = "role-granters";

    /// <summary>Those who keep the municipality's accounts registry, house rules and acknowledgements.</summary>
    public const string Managers = "managers";

    /// <summary>Those who record moderation actions and run the triage.</summary>
    public const string Moderators = "moderators";

    /// <summary>Those who read the moderation log: moderators, the clerk and the IC's team.</summary>
    public const string ModerationReaders = "moderation-readers";

    /// <summary>Those who edit the prohibited-content catalogue (R3).</summary>
    public const string RuleEditors = "rule-editors";

    /// <summary>Those who edit the Code of Conduct articles (R10).</summary>
    public const string ArticleEditors = "article-editors";

    /// <summary>Those who oversee candidates' compliance: the clerk and the IC.</summary>
    public const string ElectionOverseers = "election-overseers";

    /// <summary>The Integrity Commissioner alone: the complaint protocol, withdrawals, publication (Municipal Act s.223.3).</summary>
    public const string Commissioners = "commissioners";

    /// <summary>The roles behind each policy; <see cref="Staff"/> is any role.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Staff] = [.. StaffRoles.All],
        [Administrators] = [StaffRoles.Administrator],
        [RoleGranters] = [StaffRoles.Administrator, StaffRoles.IntegrityCommissioner],
        [Managers] = [StaffRoles.SocialMediaManager, StaffRoles.Administrator, StaffRoles.Clerk],
        [Moderators] = [StaffRoles.Moderator, StaffRoles.SocialMediaManager, StaffRoles.Administrator],
        [ModerationReaders] =
        [
            StaffRoles.Moderator, StaffRoles.SocialMediaManager, StaffRoles.Administrator, StaffRoles.Clerk,
            StaffRoles.IntegrityCommissioner, StaffRoles.Investigator,
        ],
        [RuleEditors] = [StaffRoles.SocialMediaManager, StaffRoles.Administrator],
        [ArticleEditors] = [StaffRoles.IntegrityCommissioner, StaffRoles.Clerk, StaffRoles.Administrator],
        [ElectionOverseers] = [StaffRoles.Clerk, StaffRoles.Administrator, StaffRoles.IntegrityCommissioner],
        [Commissioners] = [StaffRoles.IntegrityCommissioner],
    };

    /// <summary>Whether the user passes the policy (for showing or hiding a page's controls).</summary>
    public static bool Allows(ClaimsPrincipal user, string policy) => IsStaff(user) && Roles[policy].Any(user.IsInRole);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsStaff(c.User)).RequireRole(roles));
        }

        options.DefaultPolicy = options.GetPolicy(Staff)!;
    }

    private static bool IsStaff(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true
           && StaffRoles.All.Any(user.IsInRole)
           && user.HasClaim(c => c.Type == TenantClaims.Municipality);
}
