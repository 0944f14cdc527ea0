using Governance.Accounts.Domain;
using Governance.SharedKernel;

namespace Governance.Accounts.Tests;

public sealed class RoleGrantsTests
{
    private static readonly string[] Admin = [StaffRoles.Administrator];
    private static readonly string[] Ic = [StaffRoles.IntegrityCommissioner];

    [Theory]
    [InlineData(StaffRoles.IntegrityCommissioner)]
    [InlineData(StaffRoles.Investigator)]
    public void R15_only_the_ic_gives_the_ic_and_investigator_roles(string role)
    {
        Assert.Equal(RoleGrants.Verdict.NotYours, RoleGrants.Check(Admin, [StaffRoles.Moderator], [StaffRoles.Moderator, role]).Verdict);
        Assert.Equal(RoleGrants.Verdict.Allowed, RoleGrants.Check(Ic, [StaffRoles.Moderator], [StaffRoles.Moderator, role]).Verdict);
    }

    [Fact]
    public void R15_an_administrator_cannot_take_the_ic_role_away_either()
        => Assert.Equal(RoleGrants.Verdict.NotYours, RoleGrants.Check(Admin, [StaffRoles.IntegrityCommissioner], [StaffRoles.Clerk]).Verdict);

    [Fact]
    public void R15_a_member_of_council_is_never_also_on_the_ics_team()
    {
        var (verdict, reason) = RoleGrants.Check([StaffRoles.IntegrityCommissioner, StaffRoles.Administrator], [StaffRoles.Member],
            [StaffRoles.Member, StaffRoles.Investigator]);
        Assert.Equal(RoleGrants.Verdict.Incompatible, verdict);
        Assert.Contains("member of council", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void R15_other_roles_are_the_administrators_to_give()
    {
        Assert.Equal(RoleGrants.Verdict.Allowed, RoleGrants.Check(Admin, [], [StaffRoles.Clerk]).Verdict);
        Assert.Equal(RoleGrants.Verdict.NotYours, RoleGrants.Check(Ic, [], [StaffRoles.Clerk]).Verdict);
        Assert.Equal(RoleGrants.Verdict.Allowed, RoleGrants.Check(Ic, [StaffRoles.Clerk], [StaffRoles.Clerk]).Verdict);
    }
}
