using System.ComponentModel.DataAnnotations;
using Governance.Platform;
using Governance.Accounts.Data;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Moderation;

internal sealed record ReviewBlockRequest([property: Required(ErrorMessage = "Enter the next review date.")] DateOnly? ReviewOn);

/// <summary>A reviewed block that stays gets a new review date, and a new reminder when that date comes.</summary>
internal sealed class BlockReview(AccountsDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<BlockResponse>> SetReviewDateAsync(Guid blockId, DateOnly? reviewOn, CancellationToken ct)
    {
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.Id == blockId, ct);
        if (block is null)
        {
            return Result<BlockResponse>.NotFound();
        }

        if (block.EndedAt is not null)
        {
            return Result<BlockResponse>.Conflict("This block has ended.");
        }

        if (reviewOn is null || reviewOn <= clock.TodayIn("America/Toronto"))
        {
            return Result<BlockResponse>.Invalid("reviewOn", "The next review date must be after today.");
        }

        block.ReviewOn = reviewOn;
        block.ReminderSentAt = null;
        audit.Record(db, "block.reviewed", "Block", block.Id.ToString(), block.MunicipalityId, $"next review {reviewOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return Result<BlockResponse>.Ok(new BlockResponse(block.Id, block.AccountId, block.TargetHandle, block.StartedAt,
            block.EndsOn, block.ReviewOn, block.EndedAt, true));
    }

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapPut("/api/blocks/{id:guid}/review", async (Guid id, ReviewBlockRequest request, BlockReview review,
                CancellationToken ct) => (await review.SetReviewDateAsync(id, request.ReviewOn, ct)).ToHttp(b => TypedResults.Ok(b)))
            .Validates<ReviewBlockRequest>()
            .WithTags("Moderation")
            .RequireAuthorization(StaffPolicies.Moderators);
}
