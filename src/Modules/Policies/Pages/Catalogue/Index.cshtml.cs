using Governance.Platform.Web;
using Governance.Policies.Data;
using Governance.Policies.Domain;
using Governance.Policies.Features.Catalogue;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Policies.Pages.Catalogue;

[Authorize]
internal sealed class IndexModel(PoliciesDbContext db, CatalogueService catalogue) : PageModel
{
    public List<ProhibitedContentRule> Rules { get; private set; } = [];

    public List<CodeArticle> Articles { get; private set; } = [];

    public string? Message { get; private set; }

    public bool CanEditRules => StaffPolicies.Allows(User, StaffPolicies.RuleEditors);

    public bool CanEditArticles => StaffPolicies.Allows(User, StaffPolicies.ArticleEditors);

    [BindProperty] public string? RuleCode { get; set; }
    [BindProperty] public string? RuleTitle { get; set; }
    [BindProperty] public string? RuleDescription { get; set; }
    [BindProperty] public bool RuleReportToPolice { get; set; }
    [BindProperty] public string? ArticleNumber { get; set; }
    [BindProperty] public string? ArticleTitle { get; set; }
    [BindProperty] public string? ArticleSummary { get; set; }

    public async Task OnGetAsync(string? added, CancellationToken ct)
    {
        Message = added is null ? null : $"The {added} is added.";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        if (!CanEditRules)
        {
            return Forbid();
        }

        var request = new RuleRequest(PageHelpers.CurrentMunicipality(HttpContext), RuleCode ?? "", RuleTitle ?? "",
            RuleDescription ?? "", RuleReportToPolice);
        return ModelState.TryValidate(request) && Shown(await catalogue.AddRuleAsync(request, ct))
            ? Redirect("/policies/catalogue?added=rule")
            : await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostArticleAsync(CancellationToken ct)
    {
        if (!CanEditArticles)
        {
            return Forbid();
        }

        var request = new ArticleRequest(PageHelpers.CurrentMunicipality(HttpContext), ArticleNumber, ArticleTitle ?? "",
            ArticleSummary ?? "");
        return ModelState.TryValidate(request) && Shown(await catalogue.AddArticleAsync(request, ct))
            ? Redirect("/policies/catalogue?added=article")
            : await ReloadAsync(ct);
    }

    private bool Shown<T>(Result<T> result)
    {
        result.AddTo(ModelState, prefix: "");
        return result.Succeeded;
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = await db.Rules.AsNoTracking().OrderBy(r => r.Title).ToListAsync(ct);
        Articles = await db.Articles.AsNoTracking().OrderBy(a => a.Title).ToListAsync(ct);
    }
}
