using Governance.Accounts.Contracts;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Demo;

/// <summary>
/// Development only: "Demo Township" with one staff user per role, all with the <c>Demo:Password</c> password.
/// Idempotent: a restart finds them and changes nothing.
/// </summary>
internal sealed class DemoSeeder(AccountsDbContext db, UserManager<StaffUser> users,
    RoleManager<IdentityRole<Guid>> roles, Platform.Outbox.Outbox outbox, TimeProvider clock)
{
    public static readonly Guid DemoMunicipalityId = Guid.Parse("0d3f5a6e-2f4b-4c57-9a1e-6b2d8c4e1a01");

    public static readonly (string Email, string Name, string Role)[] Users =
    [
        ("admin@demo.test", "Avery Admin", StaffRoles.Administrator),
        ("clerk@demo.test", "Casey Clerk", StaffRoles.Clerk),
        ("ic@demo.test", "Indira Commissioner", StaffRoles.IntegrityCommissioner),
        ("investigator@demo.test", "Ivan Investigator", StaffRoles.Investigator),
        ("manager@demo.test", "Sam Manager", StaffRoles.SocialMediaManager),
        ("moderator@demo.test", "Morgan Moderator", StaffRoles.Moderator),
        ("member@demo.test", "Councillor Max Member", StaffRoles.Member),
    ];

    public async Task SeedAsync(string password, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync(roles);
        if (!await db.Municipalities.AnyAsync(m => m.Id == DemoMunicipalityId, cancellationToken))
        {
            db.Municipalities.Add(new Municipality
            {
                Id = DemoMunicipalityId,
                Name = "Demo Township",
                Slug = "demo-township",
                TimeZone = "America/Toronto",
                CreatedAt = clock.GetUtcNow(),
            });
            outbox.Publish(db, new MunicipalityCreated(DemoMunicipalityId, "Demo Township"), DemoMunicipalityId);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (email, name, role) in Users)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new StaffUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }

                await users.AddToRoleAsync(user, role);
                db.Assignments.Add(new StaffAssignment { UserId = user.Id, MunicipalityId = DemoMunicipalityId });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await SeedMemberAccountAsync(cancellationToken);
    }

    /// <summary>The demo member's own account, so the election journey (campaign plan, scrubbing) has something to plan for.</summary>
    private async Task SeedMemberAccountAsync(CancellationToken ct)
    {
        const string handle = "@CllrMaxMember";
        var member = await users.FindByEmailAsync("member@demo.test");
        if (member is null || await db.Accounts.AnyAsync(a => a.MunicipalityId == DemoMunicipalityId && a.Handle == handle, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var account = new SocialAccount
        {
            Id = Guid.NewGuid(), MunicipalityId = DemoMunicipalityId, Platform = SocialPlatform.Facebook, Handle = handle,
            ProfileUrl = "https://www.facebook.com/CllrMaxMember", Owner = AccountOwner.Member, OwnerName = member.DisplayName,
            OwnerUserId = member.Id, Purpose = "Ward news and constituency updates.", ResponsibleName = member.DisplayName,
            ResponsibleEmail = member.Email!, CreatedAt = now,
        };
        db.Accounts.Add(account);
        db.Classifications.Add(account.Classify(new Dictionary<string, Fact>(), "{}", "demo", now));
        await db.SaveChangesAsync(ct);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }
}
