using System.ComponentModel.DataAnnotations;
using Governance.Platform;
using Governance.Accounts.Contracts;
using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Features.HouseRules;

internal sealed class CreateDocumentRequest
{
    [Required]
    public Guid? MunicipalityId { get; init; }

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "Enter 3 to 200 characters.")]
    [SingleLine]
    public string Title { get; init; } = "";

    public Guid? AccountId { get; init; }
}

internal sealed record SaveDraftRequest(
    [property: Required(AllowEmptyStrings = true), MaxLength(100_000)] string Body,
    Dictionary<string, string>? Coverage);

internal sealed record PublishRequest([property: Required] DateOnly? EffectiveFrom, [property: MaxLength(2000)] string? OverrideReason);

internal sealed record ElementStatus(string Code, string Title, string Description, string? Section);

internal sealed record VersionResponse(Guid Id, Guid DocumentId, int Number, string Status, string Body,
    DateOnly? EffectiveFrom, DateTimeOffset? PublishedAt, string? PublishedBy, string? OverrideReason,
    IReadOnlyList<ElementStatus> Elements, IReadOnlyList<string> Missing)
{
    public static VersionResponse From(PolicyVersion v)
    {
        var covered = v.CoverageBySection;
        return new VersionResponse(v.Id, v.DocumentId, v.Number, v.Status.ToString(), v.Body, v.EffectiveFrom,
            v.PublishedAt, v.PublishedBy, v.OverrideReason,
            RequiredElements.All.Select(e => new ElementStatus(e.Code, e.Title, e.Description,
                covered.TryGetValue(e.Code, out var s) ? s : null)).ToList(),
            RequiredElements.Missing(covered).Select(e => e.Code).ToList());
    }
}

internal sealed record DocumentResponse(Guid Id, Guid MunicipalityId, Guid? AccountId, string Title,
    IReadOnlyList<VersionResponse> Versions);

internal sealed record PublicRulesResponse(string Municipality, string Title, int Version, DateOnly EffectiveFrom, string Body,
    IReadOnlyList<PublicVersion> History);

internal sealed record PublicVersion(int Number, DateOnly EffectiveFrom);

internal static class HouseRulesEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/policies").WithTags("House rules")
            .RequireAuthorization(StaffPolicies.Managers);
        staff.MapGet("/documents", ListAsync);
        staff.MapGet("/documents/{id:guid}", GetAsync);
        staff.MapPost("/documents", async (CreateDocumentRequest request, HouseRulesService service, CancellationToken ct) =>
                (await service.CreateDocumentAsync(request.MunicipalityId!.Value, request.Title, request.AccountId, ct))
                .ToHttp(v => TypedResults.Created($"/api/policies/documents/{v.DocumentId}", VersionResponse.From(v))))
            .Validates<CreateDocumentRequest>();
        staff.MapPost("/documents/{id:guid}/versions", async (Guid id, HouseRulesService service, CancellationToken ct) =>
            (await service.NewVersionAsync(id, ct)).ToHttp(v => TypedResults.Created($"/api/policies/versions/{v.Id}", VersionResponse.From(v))));
        staff.MapPut("/versions/{id:guid}", async (Guid id, SaveDraftRequest request, HouseRulesService service, CancellationToken ct) =>
                (await service.SaveDraftAsync(id, request.Body, request.Coverage ?? [], ct)).ToHttp(v => TypedResults.Ok(VersionResponse.From(v))))
            .Validates<SaveDraftRequest>();
        staff.MapPost("/versions/{id:guid}/publish", async (Guid id, PublishRequest request, HouseRulesService service, CancellationToken ct) =>
                (await service.PublishAsync(id, request.EffectiveFrom, request.OverrideReason, ct)).ToHttp(v => TypedResults.Ok(VersionResponse.From(v))))
            .Validates<PublishRequest>();

        endpoints.MapGet("/api/public/municipalities/{slug}/house-rules/{documentId:guid}", PublicAsync)
            .WithTags("Public").AllowAnonymous();
    }

    private static async Task<IResult> ListAsync(PoliciesDbContext db, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Versions).ThenInclude(v => v.Coverage)
            .OrderBy(d => d.Title).AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(documents.Select(ToResponse).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, PoliciesDbContext db, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Versions).ThenInclude(v => v.Coverage)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);
        return document is null ? TypedResults.Problem("Not found.", statusCode: 404) : TypedResults.Ok(ToResponse(document));
    }

    private static DocumentResponse ToResponse(PolicyDocument d) => new(d.Id, d.MunicipalityId, d.AccountId, d.Title,
        d.Versions.OrderBy(v => v.Number).Select(VersionResponse.From).ToList());

    /// <summary>The version in force today, readable by anyone (R2: terms of use are published).</summary>
    private static async Task<IResult> PublicAsync(string slug, Guid documentId, int? version,
        IMunicipalityDirectory municipalities, PoliciesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var shown = await PublicRules.FindAsync(slug, documentId, version, municipalities, db, clock, ct);
        return shown is null ? TypedResults.Problem("Not found.", statusCode: 404) : TypedResults.Ok(shown);
    }
}

/// <summary>What the public house-rules page and API show: one published version and the list of all of them.</summary>
internal static class PublicRules
{
    public static async Task<PublicRulesResponse?> FindAsync(string slug, Guid documentId, int? number,
        IMunicipalityDirectory municipalities, PoliciesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var municipality = await municipalities.FindBySlugAsync(slug, ct);
        if (municipality is null)
        {
            return null;
        }

        var today = clock.TodayIn(municipality.TimeZone);
        var document = await db.Documents.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.MunicipalityId == municipality.Id, ct);
        if (document is null)
        {
            return null;
        }

        var published = await db.Versions.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.DocumentId == documentId && v.Status == VersionStatus.Published)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).ToListAsync(ct);
        var shown = number is { } n
            ? published.FirstOrDefault(v => v.Number == n)
            : published.FirstOrDefault(v => v.EffectiveFrom <= today);
        return shown is null
            ? null
            : new PublicRulesResponse(municipality.Name, document.Title, shown.Number, shown.EffectiveFrom!.Value, shown.Body,
                published.Select(v => new PublicVersion(v.Number, v.EffectiveFrom!.Value)).ToList());
    }
}
