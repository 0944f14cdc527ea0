using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.SignIn;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Staff;

internal sealed record ChangeRolesRequest([property: Required, MinLength(1), MaxLength(7)] string[] Roles);

/// <summary>
/// Changes a staff member's roles under <see cref="RoleGrants"/>. The change ends the person's sign-ins (their
/// permissions change at once), is audited, and the Integrity Commissioner of each of their municipalities is told.
/// </summary>
internal sealed class ChangeRoles(UserManager<StaffUser> users, AccountsDbContext db, AccountChanges changes, AuditTrail audit,
    ISecurityEvents events, ICurrentActor actor, ITenantScope tenant)
{
    public async Task<Result<StaffResponse>> ChangeAsync(Guid userId, string[] requested, CancellationToken ct)
    {
        var unknown = requested.Except(StaffRoles.All).ToArray();
        if (unknown.Length > 0)
        {
            return Result<StaffResponse>.Invalid("roles", $"Unknown role(s): {string.Join(", ", unknown)}. Use {string.Join(", ", StaffRoles.All)}.");
        }

        // Roles hold in every municipality the person serves, so the caller must serve all of them; someone who
        // shares none is not theirs to see (404).
        var theirs = await db.Assignments.Where(a => a.UserId == userId).Select(a => a.MunicipalityId).ToListAsync(ct);
        var user = theirs.Any(tenant.Allows) ? await users.FindByIdAsync(userId.ToString()) : null;
        if (user is null)
        {
            return Result<StaffResponse>.NotFound();
        }

        if (!theirs.All(tenant.Allows))
        {
            return Result<StaffResponse>.Forbidden(
                "This person also serves municipalities you do not; their roles change there too, so only someone serving all of them may change them.");
        }

        var current = (await users.GetRolesAsync(user)).ToList();
        var wanted = requested.Distinct().ToList();
        var (verdict, reason) = RoleGrants.Check(StaffRoles.All.Where(actor.IsInRole).ToList(), current, wanted);
        if (verdict != RoleGrants.Verdict.Allowed)
        {
            await events.RecordAsync("roles.change-refused", user.Email, reason, ct);
            return verdict == RoleGrants.Verdict.NotYours ? Result<StaffResponse>.Forbidden(reason!) : Result<StaffResponse>.Invalid("roles", reason!);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await changes.EndSessionsAsync(user, "roles changed", ct);
        var summary = $"{string.Join(",", current.Order())} -> {string.Join(",", wanted.Order())}";
        foreach (var municipality in theirs)
        {
            audit.Record(db, "staff.roles-changed", "StaffUser", user.Id.ToString(), municipality, summary);
        }

        await TellCommissionersAsync(user, theirs, summary, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await events.RecordAsync("roles.changed", user.Email, summary, ct);
        return Result<StaffResponse>.Ok(new StaffResponse(user.Id, user.Email!, user.DisplayName, [.. wanted], [.. theirs]));
    }

    /// <summary>The IC hears of every role change in the municipalities the IC serves (the IC's files depend on who sees them).</summary>
    public async Task TellCommissionersAsync(StaffUser user, IReadOnlyCollection<Guid> municipalities, string summary, CancellationToken ct)
    {
        var commissioners = await (from ur in db.UserRoles
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   join u in db.Users on ur.UserId equals u.Id
                                   join a in db.Assignments on u.Id equals a.UserId
                                   where r.Name == StaffRoles.IntegrityCommissioner && municipalities.Contains(a.MunicipalityId)
                                   select u.Email).Distinct().ToListAsync(ct);
        foreach (var email in commissioners.Where(e => e is not null))
        {
            changes.Notify(email!, "A staff member's roles changed",
                $"The roles of {user.DisplayName} ({user.Email}) changed: {summary}. Changed by {actor.Name}.\n");
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/staff/{id:guid}/roles", async (Guid id, ChangeRolesRequest request, ChangeRoles change, CancellationToken ct) =>
                (await change.ChangeAsync(id, request.Roles, ct)).ToHttp(s => TypedResults.Ok(s)))
            .WithTags("Staff").Validates<ChangeRolesRequest>().RequireAuthorization(StaffPolicies.RoleGranters);
    }
}
