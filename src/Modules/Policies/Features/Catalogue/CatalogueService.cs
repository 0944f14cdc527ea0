using System.ComponentModel.DataAnnotations;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Features.Catalogue;

internal sealed record RuleRequest(
    [property: Required] Guid? MunicipalityId,
    [property: Required, RegularExpression("^[a-z0-9_]{2,60}$", ErrorMessage = "Use 2 to 60 lower-case letters, digits or underscores.")] string Code,
    [property: Required, StringLength(200, MinimumLength = 3), SingleLine] string Title,
    [property: Required, StringLength(1000, MinimumLength = 3)] string Description,
    bool ReportToPolice,
    bool Active = true);

internal sealed record RuleResponse(Guid Id, Guid MunicipalityId, string Code, string Title, string Description,
    bool ReportToPolice, bool Active);

internal sealed record ArticleRequest(
    [property: Required] Guid? MunicipalityId,
    [property: MaxLength(20), SingleLine] string? Number,
    [property: Required, StringLength(200, MinimumLength = 3), SingleLine] string Title,
    [property: Required, StringLength(1000, MinimumLength = 3)] string Summary,
    bool Active = true);

internal sealed record ArticleResponse(Guid Id, Guid MunicipalityId, string Number, string Title, string Summary, bool Active);

/// <summary>
/// The prohibited-content catalogue (R3) that moderation cites, and the Code of Conduct articles (R10) that
/// complaints allege; each municipality edits its own. Rules are retired, never deleted: actions cite them.
/// </summary>
internal sealed class CatalogueService(PoliciesDbContext db, ITenantScope tenant, AuditTrail audit)
{
    public async Task<Result<ProhibitedContentRule>> AddRuleAsync(RuleRequest request, CancellationToken ct)
    {
        var municipality = request.MunicipalityId!.Value;
        if (!tenant.Allows(municipality))
        {
            return Result<ProhibitedContentRule>.Invalid("municipalityId", "You do not serve this municipality.");
        }

        if (await db.Rules.AnyAsync(r => r.MunicipalityId == municipality && r.Code == request.Code, ct))
        {
            return Result<ProhibitedContentRule>.Conflict($"A rule with code '{request.Code}' already exists.");
        }

        var rule = new ProhibitedContentRule
        {
            Id = Guid.NewGuid(), MunicipalityId = municipality, Code = request.Code, Title = request.Title.Trim(),
            Description = request.Description.Trim(), ReportToPolice = request.ReportToPolice, Active = request.Active,
        };
        db.Rules.Add(rule);
        audit.Record(db, "rule.added", "ProhibitedContentRule", rule.Id.ToString(), municipality, rule.Code);
        await db.SaveChangesAsync(ct);
        return Result<ProhibitedContentRule>.Ok(rule);
    }

    public async Task<Result<ProhibitedContentRule>> UpdateRuleAsync(Guid id, RuleRequest request, CancellationToken ct)
    {
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Result<ProhibitedContentRule>.NotFound();
        }

        if (rule.Code != request.Code)
        {
            return Result<ProhibitedContentRule>.Invalid("code", "A rule's code cannot change: past actions cite it.");
        }

        if (request.MunicipalityId != rule.MunicipalityId)
        {
            return Result<ProhibitedContentRule>.Invalid("municipalityId", "A rule stays with its municipality.");
        }

        (rule.Title, rule.Description, rule.ReportToPolice, rule.Active) =
            (request.Title.Trim(), request.Description.Trim(), request.ReportToPolice, request.Active);
        audit.Record(db, "rule.updated", "ProhibitedContentRule", rule.Id.ToString(), rule.MunicipalityId, rule.Code);
        await db.SaveChangesAsync(ct);
        return Result<ProhibitedContentRule>.Ok(rule);
    }

    public async Task<Result<CodeArticle>> AddArticleAsync(ArticleRequest request, CancellationToken ct)
    {
        var municipality = request.MunicipalityId!.Value;
        if (!tenant.Allows(municipality))
        {
            return Result<CodeArticle>.Invalid("municipalityId", "You do not serve this municipality.");
        }

        if (await db.Articles.AnyAsync(a => a.MunicipalityId == municipality && a.Title == request.Title.Trim(), ct))
        {
            return Result<CodeArticle>.Conflict($"An article titled '{request.Title}' already exists.");
        }

        var article = new CodeArticle
        {
            Id = Guid.NewGuid(), MunicipalityId = municipality, Number = request.Number?.Trim() ?? "",
            Title = request.Title.Trim(), Summary = request.Summary.Trim(), Active = request.Active,
        };
        db.Articles.Add(article);
        audit.Record(db, "article.added", "CodeArticle", article.Id.ToString(), municipality, article.Title);
        await db.SaveChangesAsync(ct);
        return Result<CodeArticle>.Ok(article);
    }

    public async Task<Result<CodeArticle>> UpdateArticleAsync(Guid id, ArticleRequest request, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return Result<CodeArticle>.NotFound();
        }

        if (request.MunicipalityId != article.MunicipalityId)
        {
            return Result<CodeArticle>.Invalid("municipalityId", "An article stays with its municipality.");
        }

        // Titles are unique per municipality: a clash is the user's to resolve, not a database error.
        if (await db.Articles.AnyAsync(a => a.MunicipalityId == article.MunicipalityId && a.Id != id && a.Title == request.Title.Trim(), ct))
        {
            return Result<CodeArticle>.Conflict($"An article titled '{request.Title.Trim()}' already exists.");
        }

        (article.Number, article.Title, article.Summary, article.Active) =
            (request.Number?.Trim() ?? "", request.Title.Trim(), request.Summary.Trim(), request.Active);
        audit.Record(db, "article.updated", "CodeArticle", article.Id.ToString(), article.MunicipalityId, article.Title);
        await db.SaveChangesAsync(ct);
        return Result<CodeArticle>.Ok(article);
    }

    public static RuleResponse ToResponse(ProhibitedContentRule r)
        => new(r.Id, r.MunicipalityId, r.Code, r.Title, r.Description, r.ReportToPolice, r.Active);

    public static ArticleResponse ToResponse(CodeArticle a) => new(a.Id, a.MunicipalityId, a.Number, a.Title, a.Summary, a.Active);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/policies").WithTags("Catalogues").RequireAuthorization();
        api.MapGet("/rules", async (Guid? municipalityId, PoliciesDbContext db, CancellationToken ct) => TypedResults.Ok(
            (await db.Rules.AsNoTracking().Where(r => municipalityId == null || r.MunicipalityId == municipalityId)
                .OrderBy(r => r.Title).ToListAsync(ct)).Select(ToResponse)));
        api.MapPost("/rules", async (RuleRequest request, CatalogueService service, CancellationToken ct) =>
                (await service.AddRuleAsync(request, ct)).ToHttp(r => TypedResults.Created($"/api/policies/rules/{r.Id}", ToResponse(r))))
            .Validates<RuleRequest>().RequireAuthorization(StaffPolicies.RuleEditors);
        api.MapPut("/rules/{id:guid}", async (Guid id, RuleRequest request, CatalogueService service, CancellationToken ct) =>
                (await service.UpdateRuleAsync(id, request, ct)).ToHttp(r => TypedResults.Ok(ToResponse(r))))
            .Validates<RuleRequest>().RequireAuthorization(StaffPolicies.RuleEditors);

        api.MapGet("/articles", async (Guid? municipalityId, PoliciesDbContext db, CancellationToken ct) => TypedResults.Ok(
            (await db.Articles.AsNoTracking().Where(a => municipalityId == null || a.MunicipalityId == municipalityId)
                .OrderBy(a => a.Title).ToListAsync(ct)).Select(ToResponse)));
        api.MapPost("/articles", async (ArticleRequest request, CatalogueService service, CancellationToken ct) =>
                (await service.AddArticleAsync(request, ct)).ToHttp(a => TypedResults.Created($"/api/policies/articles/{a.Id}", ToResponse(a))))
            .Validates<ArticleRequest>().RequireAuthorization(StaffPolicies.ArticleEditors);
        api.MapPut("/articles/{id:guid}", async (Guid id, ArticleRequest request, CatalogueService service, CancellationToken ct) =>
                (await service.UpdateArticleAsync(id, request, ct)).ToHttp(a => TypedResults.Ok(ToResponse(a))))
            .Validates<ArticleRequest>().RequireAuthorization(StaffPolicies.ArticleEditors);
    }
}
