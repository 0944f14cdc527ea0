using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Contracts;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Features.Acknowledgements;

internal sealed class AcknowledgeRequest
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter 2 to 200 characters.")]
    [SingleLine]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "Enter your position.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter 2 to 200 characters.")]
    [SingleLine]
    public string Position { get; init; } = "";

    [Required(ErrorMessage = "Enter your department (members of council: Council).")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter 2 to 200 characters.")]
    [SingleLine]
    public string Department { get; init; } = "";

    [Required(ErrorMessage = "Type your name as your signature.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter 2 to 200 characters.")]
    [SingleLine]
    public string Signature { get; init; } = "";

    [Required(ErrorMessage = "Enter the date.")]
    public DateOnly? SignedOn { get; init; }
}

internal sealed record AcknowledgementResponse(Guid UserId, string Name, string Position, string Department, string Signature,
    DateOnly SignedOn);

internal sealed record AcknowledgementStatus(Guid VersionId, IReadOnlyList<AcknowledgementResponse> Acknowledged,
    IReadOnlyList<StaffMember> NotYet);

/// <summary>R17: staff and members acknowledge a published policy version; the clerk sees who has not.</summary>
internal sealed class AcknowledgementService(PoliciesDbContext db, ICurrentActor actor, IStaffDirectory staff,
    AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<AcknowledgementResponse>> AcknowledgeAsync(Guid versionId, AcknowledgeRequest request,
        CancellationToken ct)
    {
        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null || actor.UserId is not { } userId)
        {
            return Result<AcknowledgementResponse>.NotFound();
        }

        if (version.Status != VersionStatus.Published)
        {
            return Result<AcknowledgementResponse>.Conflict("Only a published version can be acknowledged.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.SignedOn > today.AddDays(1) || request.SignedOn < today.AddYears(-1))
        {
            return Result<AcknowledgementResponse>.Invalid("signedOn", "Use today's date.");
        }

        if (await db.Acknowledgements.AnyAsync(a => a.VersionId == versionId && a.UserId == userId, ct))
        {
            return Result<AcknowledgementResponse>.Conflict("You have already acknowledged this version.");
        }

        var acknowledgement = new Acknowledgement
        {
            Id = Guid.NewGuid(), MunicipalityId = version.MunicipalityId, VersionId = versionId, UserId = userId,
            Name = request.Name.Trim(), Position = request.Position.Trim(), Department = request.Department.Trim(),
            Signature = request.Signature.Trim(), SignedOn = request.SignedOn!.Value, RecordedAt = clock.GetUtcNow(),
        };
        db.Acknowledgements.Add(acknowledgement);
        audit.Record(db, "policy.acknowledged", "PolicyVersion", versionId.ToString(), version.MunicipalityId, acknowledgement.Name);
        await db.SaveChangesAsync(ct);
        return Result<AcknowledgementResponse>.Ok(ToResponse(acknowledgement));
    }

    public async Task<Result<AcknowledgementStatus>> StatusAsync(Guid versionId, CancellationToken ct)
    {
        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return Result<AcknowledgementStatus>.NotFound();
        }

        var done = await db.Acknowledgements.AsNoTracking().Where(a => a.VersionId == versionId).OrderBy(a => a.Name).ToListAsync(ct);
        var everyone = await staff.StaffOfAsync(version.MunicipalityId, ct);
        return Result<AcknowledgementStatus>.Ok(new AcknowledgementStatus(versionId, done.Select(ToResponse).ToList(),
            everyone.Where(s => done.All(a => a.UserId != s.UserId)).ToList()));
    }

    private static AcknowledgementResponse ToResponse(Acknowledgement a)
        => new(a.UserId, a.Name, a.Position, a.Department, a.Signature, a.SignedOn);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/policies/versions/{versionId:guid}/acknowledgements").WithTags("Acknowledgements")
            .RequireAuthorization();
        api.MapPost("/", async (Guid versionId, AcknowledgeRequest request, AcknowledgementService service, CancellationToken ct) =>
                (await service.AcknowledgeAsync(versionId, request, ct)).ToHttp(a => TypedResults.Created(
                    $"/api/policies/versions/{versionId}/acknowledgements", a)))
            .Validates<AcknowledgeRequest>();
        api.MapGet("/", async (Guid versionId, AcknowledgementService service, CancellationToken ct) =>
                (await service.StatusAsync(versionId, ct)).ToHttp(s => TypedResults.Ok(s)))
            .RequireAuthorization(StaffPolicies.Managers);
    }
}
