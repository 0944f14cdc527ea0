using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Staff;

internal sealed record CreateStaffRequest(
    [property: Required, EmailAddress, MaxLength(256), SingleLine] string Email,
    [property: Required, MaxLength(200), SingleLine] string DisplayName,
    [property: Required, MinLength(12), MaxLength(200)] string Password,
    [property: Required, MinLength(1)] string[] Roles,
    [property: Required, MinLength(1)] Guid[] MunicipalityIds);

internal sealed record StaffResponse(Guid Id, string Email, string DisplayName, string[] Roles, Guid[] MunicipalityIds);

/// <summary>Staff accounts are created by an Administrator, for the municipalities that Administrator serves.</summary>
internal static class CreateStaff
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.RoleGranters);
        group.MapPost("/", HandleAsync).Validates<CreateStaffRequest>();
        group.MapGet("/", ListAsync);
    }

    private static async Task<Results<Created<StaffResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateStaffRequest request, UserManager<StaffUser> users, AccountsDbContext db, ITenantScope tenant,
        AuditTrail audit, ICurrentActor actor, ChangeRoles roles, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unknownRoles = request.Roles.Except(StaffRoles.All).ToArray();
        if (unknownRoles.Length > 0)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknownRoles)}. Use {string.Join(", ", StaffRoles.All)}."];
        }
        else
        {
            var (verdict, reason) = RoleGrants.Check(StaffRoles.All.Where(actor.IsInRole).ToList(), [], request.Roles.Distinct().ToList());
            if (verdict == RoleGrants.Verdict.NotYours)
            {
                return TypedResults.Problem(reason, statusCode: StatusCodes.Status403Forbidden);
            }

            if (verdict == RoleGrants.Verdict.Incompatible)
            {
                errors["roles"] = [reason!];
            }
        }

        var visible = await db.Municipalities.Where(m => request.MunicipalityIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        if (visible.Count != request.MunicipalityIds.Distinct().Count() || request.MunicipalityIds.Any(id => !tenant.Allows(id)))
        {
            errors["municipalityIds"] = ["You can only assign municipalities you serve."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            return TypedResults.Problem("A staff account with this e-mail already exists.", statusCode: StatusCodes.Status409Conflict);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new StaffUser { UserName = request.Email, Email = request.Email, DisplayName = request.DisplayName.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        await users.AddToRolesAsync(user, request.Roles.Distinct());
        db.Assignments.AddRange(visible.Select(id => new StaffAssignment { UserId = user.Id, MunicipalityId = id }));
        audit.Record(db, "staff.created", "StaffUser", user.Id.ToString(), visible.FirstOrDefault(),
            $"roles={string.Join(',', request.Roles)}");
        await roles.TellCommissionersAsync(user, visible, $"new account with {string.Join(",", request.Roles.Distinct().Order())}", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/staff/{user.Id}",
            new StaffResponse(user.Id, user.Email, user.DisplayName, [.. request.Roles.Distinct()], [.. visible]));
    }

    private static async Task<Ok<List<StaffResponse>>> ListAsync(AccountsDbContext db, ITenantScope tenant, CancellationToken ct)
    {
        var mine = tenant.MunicipalityIds.ToArray();
        var rows = await (from a in db.Assignments
                          join u in db.Users on a.UserId equals u.Id
                          where mine.Contains(a.MunicipalityId)
                          select new { u.Id, u.Email, u.DisplayName, a.MunicipalityId }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.GroupBy(r => r.Id).Select(g => new StaffResponse(g.Key, g.First().Email ?? "",
                g.First().DisplayName, roles.Where(r => r.UserId == g.Key).Select(r => r.Name!).ToArray(),
                g.Select(r => r.MunicipalityId).ToArray()))
            .OrderBy(s => s.DisplayName).ToList());
    }
}
