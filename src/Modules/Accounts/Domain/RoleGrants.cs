using Governance.SharedKernel;

namespace Governance.Accounts.Domain;

/// <summary>
/// Who may give which staff role (R15; the IC's independence, Municipal Act s.223.3). Only the Integrity
/// Commissioner makes someone the IC or an investigator, and never a member of council, whose conduct the IC
/// judges. An Administrator gives every other role.
/// </summary>
internal static class RoleGrants
{
    public static readonly string[] IcRoles = [StaffRoles.IntegrityCommissioner, StaffRoles.Investigator];

    public enum Verdict
    {
        Allowed,
        /// <summary>The granter may not make this change (403).</summary>
        NotYours,
        /// <summary>The roles asked for cannot go together (400).</summary>
        Incompatible,
    }

    /// <param name="granterRoles">The roles of the person making the change.</param>
    /// <param name="current">The user's roles now (empty for a new user).</param>
    /// <param name="requested">The roles the user would have.</param>
    public static (Verdict Verdict, string? Reason) Check(IReadOnlyCollection<string> granterRoles, IReadOnlyCollection<string> current,
        IReadOnlyCollection<string> requested)
    {
        if (requested.Contains(StaffRoles.Member) && requested.Any(IcRoles.Contains))
        {
            return (Verdict.Incompatible,
                "A member of council cannot also be the Integrity Commissioner or an investigator: the IC judges members' conduct.");
        }

        var changed = current.Except(requested).Concat(requested.Except(current)).Distinct().ToList();
        if (changed.Any(IcRoles.Contains) && !granterRoles.Contains(StaffRoles.IntegrityCommissioner))
        {
            return (Verdict.NotYours, "Only the Integrity Commissioner gives or removes the Integrity Commissioner and investigator roles.");
        }

        if (changed.Any(r => !IcRoles.Contains(r)) && !granterRoles.Contains(StaffRoles.Administrator))
        {
            return (Verdict.NotYours, "Only an administrator gives or removes this role.");
        }

        return (Verdict.Allowed, null);
    }
}
