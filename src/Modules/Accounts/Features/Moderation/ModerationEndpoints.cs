using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Governance.Platform.Files;

namespace Governance.Accounts.Features.Moderation;

internal sealed record EvidenceResponse(Guid Id, string FileName, string ContentType, long Size, string Sha256,
    DateTimeOffset CapturedAt, DateTimeOffset UploadedAt, string UploadedBy);

internal sealed record ActionResponse(Guid Id, Guid AccountId, string Kind, string TargetHandle, string? TargetProfileUrl,
    string? PostUrl, string ContentAsPosted, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string ActorName,
    Guid? RuleId, string RuleCode, string RuleTitle, bool CredibleThreat, string? Justification, string? Notes,
    IReadOnlyList<string> RiskFlags, IReadOnlyList<EvidenceResponse> Evidence)
{
    public static ActionResponse From(ModerationAction a) => new(a.Id, a.AccountId, a.Kind.ToString(), a.TargetHandle,
        a.TargetProfileUrl, a.PostUrl, a.ContentAsPosted, a.OccurredAt, a.RecordedAt, a.ActorName, a.RuleId, a.RuleCode,
        a.RuleTitle, a.CredibleThreat, a.Justification, a.Notes, a.RiskFlags.Split(',', StringSplitOptions.RemoveEmptyEntries),
        a.Evidence.Select(e => new EvidenceResponse(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.CapturedAt,
            e.UploadedAt, e.UploadedBy)).ToList());
}

internal sealed record BlockResponse(Guid Id, Guid AccountId, string TargetHandle, DateTimeOffset StartedAt, DateOnly? EndsOn,
    DateOnly? ReviewOn, DateTimeOffset? EndedAt, bool Active);

internal sealed record TriageRequest([property: Required] Guid? AccountId, [property: MaxLength(200), SingleLine] string? TargetHandle,
    bool AbuseOrThreat, bool CredibleThreat, bool Provoking, bool SpamOrRepeated);

/// <summary>
/// The multipart/form-data fields <see cref="ModerationEndpoints"/> reads by hand to record an action, for the API
/// document; the limits are <see cref="ModerationService.RecordAsync"/>'s.
/// </summary>
internal sealed class ModerationActionForm
{
    [Required]
    public ModerationKind? Kind { get; init; }

    [MaxLength(200)]
    public string? TargetHandle { get; init; }

    [MaxLength(500)]
    [Url]
    public string? TargetProfileUrl { get; init; }

    [MaxLength(500)]
    [Url]
    public string? PostUrl { get; init; }

    [MaxLength(20_000)]
    public string? ContentAsPosted { get; init; }

    [Required]
    public DateTimeOffset? OccurredAt { get; init; }

    [System.ComponentModel.Description("The id of the house rule relied on, or 'disagreement' (not a rule: R4).")]
    public string? Rule { get; init; }

    public bool CredibleThreat { get; init; }

    [MaxLength(4000)]
    public string? Justification { get; init; }

    [MaxLength(4000)]
    public string? Notes { get; init; }

    public DateOnly? BlockEndsOn { get; init; }

    public DateOnly? BlockReviewOn { get; init; }

    [System.ComponentModel.Description("When the screenshots were taken; needed with evidence.")]
    public DateTimeOffset? CapturedAt { get; init; }

    [System.ComponentModel.Description("The form's one-time id, so sending it twice records one action.")]
    public Guid? RequestId { get; init; }

    [MaxLength(ModerationService.MaxFiles)]
    public IReadOnlyList<IFormFile>? Evidence { get; init; }
}

/// <summary>The moderation log, evidence, the block register and the R7 triage, for moderators and managers.</summary>
internal static class ModerationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Moderation").RequireAuthorization(StaffPolicies.ModerationReaders);
        api.MapPost("/accounts/{id:guid}/moderation-actions", RecordAsync)
            .RequireAuthorization(StaffPolicies.Moderators)
            .Accepts<ModerationActionForm>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(12 * EvidenceStore.MaxBytes))
            .DisableAntiforgery(); // API clients use bearer tokens; the cookie is SameSite=Lax, so no cross-site posts carry it
        api.MapGet("/accounts/{id:guid}/moderation-actions", async (Guid id, AccountsDbContext db, CancellationToken ct) =>
            !await db.Accounts.AnyAsync(a => a.Id == id, ct) ? NotFound()
            : Results.Ok((await db.ModerationActions.AsNoTracking().Include(a => a.Evidence).Where(a => a.AccountId == id)
                .OrderByDescending(a => a.OccurredAt).ToListAsync(ct)).Select(ActionResponse.From)));
        api.MapGet("/moderation-actions/{id:guid}", async (Guid id, AccountsDbContext db, CancellationToken ct) =>
            await db.ModerationActions.AsNoTracking().Include(a => a.Evidence).FirstOrDefaultAsync(a => a.Id == id, ct) is { } action
                ? Results.Ok(ActionResponse.From(action))
                : NotFound());
        api.MapGet("/moderation-actions/{id:guid}/evidence/{fileId:guid}", DownloadAsync);
        api.MapGet("/accounts/{id:guid}/blocks", async (Guid id, bool? active, AccountsDbContext db, CancellationToken ct) =>
            !await db.Accounts.AnyAsync(a => a.Id == id, ct) ? NotFound() : Results.Ok(await db.Blocks.AsNoTracking()
                .Where(b => b.AccountId == id && (active == null || (b.EndedAt == null) == active))
                .OrderByDescending(b => b.StartedAt)
                .Select(b => new BlockResponse(b.Id, b.AccountId, b.TargetHandle, b.StartedAt, b.EndsOn, b.ReviewOn, b.EndedAt, b.EndedAt == null))
                .ToListAsync(ct)));
        api.MapPost("/moderation/triage", async (TriageRequest request, ModerationService moderation, CancellationToken ct) =>
                (await moderation.TriageAsync(request.AccountId!.Value, request.TargetHandle, request.AbuseOrThreat,
                    request.CredibleThreat, request.Provoking, request.SpamOrRepeated, ct)).ToHttp(s => TypedResults.Ok(s)))
            .Validates<TriageRequest>();
    }

    private static async Task<IResult> RecordAsync(Guid id, HttpRequest request, ModerationService moderation, CancellationToken ct)
    {
        var (form, problem) = await Uploads.ReadFormAsync(request, "the action (fields and evidence files)", ct);
        if (form is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        T? Parse<T>(string field, Func<string, (bool, T)> parse)
            where T : struct
        {
            var raw = form[field].ToString();
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            var (ok, value) = parse(raw);
            if (!ok)
            {
                errors[field] = [$"'{raw}' is not a valid value."];
                return null;
            }

            return value;
        }

        var input = new RecordActionInput(
            id,
            Parse<ModerationKind>("kind", s => (Enum.TryParse<ModerationKind>(s, true, out var k) && Enum.IsDefined(k), k)),
            form["targetHandle"], form["targetProfileUrl"], form["postUrl"], form["contentAsPosted"],
            Parse<DateTimeOffset>("occurredAt", s => (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d), d)),
            form["rule"],
            Parse<bool>("credibleThreat", s => (bool.TryParse(s, out var b), b)) ?? false,
            form["justification"], form["notes"],
            Parse<DateOnly>("blockEndsOn", s => (DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d), d)),
            Parse<DateOnly>("blockReviewOn", s => (DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d), d)),
            Parse<DateTimeOffset>("capturedAt", s => (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d), d)),
            Parse<Guid>("requestId", s => (Guid.TryParse(s, out var g), g)),
            form.Files.GetFiles("evidence").Select(UploadedFile.From).ToList());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return (await moderation.RecordAsync(input, ct)).ToHttp(a =>
            TypedResults.Created($"/api/moderation-actions/{a.Id}", ActionResponse.From(a)));
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, AccountsDbContext db, EvidenceStore store,
        CancellationToken ct)
    {
        var file = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == fileId && e.ModerationActionId == id, ct);
        return file is null || !File.Exists(store.PathOf(file.Sha256))
            ? NotFound()
            : store.Download(file.Sha256, file.ContentType, file.FileName);
    }

    private static IResult NotFound() => TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
}
