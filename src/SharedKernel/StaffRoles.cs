namespace Governance.SharedKernel;

/// <summary>The staff roles of DESIGN.md section 1. Residents have no account and no role.</summary>
public static class StaffRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Clerk = nameof(Clerk);
    public const string IntegrityCommissioner = nameof(IntegrityCommissioner);
    public const string Investigator = nameof(Investigator);
    public const string SocialMediaManager = nameof(SocialMediaManager);
    public const string Moderator = nameof(Moderator);
    public const string Member = nameof(Member);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Clerk, IntegrityCommissioner, Investigator, SocialMediaManager, Moderator, Member];
}
