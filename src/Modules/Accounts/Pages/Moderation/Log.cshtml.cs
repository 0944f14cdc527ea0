using Governance.Platform;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.Moderation;
using Governance.Platform.Web;
using Governance.Policies.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Governance.Platform.Files;

namespace Governance.Accounts.Pages.Moderation;

[Authorize(Policy = StaffPolicies.ModerationReaders)]
[RequestSizeLimit(12 * EvidenceStore.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * EvidenceStore.MaxBytes)]
internal sealed class LogModel(AccountsDbContext db, ModerationService moderation, BlockReview review, IPolicyCatalog policies,
    TimeProvider clock) : PageModel
{
    public SocialAccount Account { get; private set; } = null!;

    public List<ModerationAction> Actions { get; private set; } = [];

    public List<Block> ActiveBlocks { get; private set; } = [];

    public List<SelectListItem> Rules { get; private set; } = [];

    public List<SelectListItem> Kinds { get; } = Enum.GetValues<ModerationKind>()
        .Select(k => new SelectListItem(Features.Transparency.TransparencyEndpoints.Label(k), k.ToString())).ToList();

    public bool Recorded { get; private set; }

    public bool CanModerate => StaffPolicies.Allows(User, StaffPolicies.Moderators);

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, bool recorded, CancellationToken ct)
    {
        Recorded = recorded;
        Input.RequestId = Guid.NewGuid();
        Input.OccurredAt = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;
        Input.CapturedAt = Input.OccurredAt;
        Input.BlockReviewOn = clock.TodayIn("America/Toronto").AddDays(30);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!CanModerate)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear(); // the service checks everything, once, the same way as for the API
        var input = new RecordActionInput(id, Input.Kind, Input.TargetHandle, Input.TargetProfileUrl, Input.PostUrl,
            Input.ContentAsPosted, Input.OccurredAt is { } at ? PageHelpers.ToUtc(at, ZoneId) : null, Input.Rule,
            Input.CredibleThreat, Input.Justification, Input.Notes, Input.BlockEndsOn, Input.BlockReviewOn,
            Input.CapturedAt is { } captured ? PageHelpers.ToUtc(captured, ZoneId) : null, Input.RequestId,
            Input.Evidence.Select(UploadedFile.From).ToList());
        var result = await moderation.RecordAsync(input, ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }

        return Redirect($"/accounts/{id}/moderation?recorded=true");
    }

    /// <summary>A block was reviewed and stays: set its next review date.</summary>
    public async Task<IActionResult> OnPostReviewAsync(Guid id, Guid block, DateOnly? nextReview, CancellationToken ct)
    {
        if (!CanModerate)
        {
            return Forbid();
        }

        var result = await review.SetReviewDateAsync(block, nextReview, ct);
        if (result.Status == Governance.SharedKernel.ResultStatus.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.AddTo(ModelState, prefix: "");
            Input.RequestId = Guid.NewGuid();
            return Page();
        }

        return Redirect($"/accounts/{id}/moderation?recorded=true");
    }

    private string ZoneId { get; set; } = "America/Toronto";

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return false;
        }

        Account = account;
        ZoneId = await db.Municipalities.Where(m => m.Id == account.MunicipalityId).Select(m => m.TimeZone).SingleAsync(ct);
        Actions = await db.ModerationActions.AsNoTracking().Include(a => a.Evidence).Where(a => a.AccountId == id)
            .OrderByDescending(a => a.OccurredAt).ToListAsync(ct);
        ActiveBlocks = await db.Blocks.AsNoTracking().Where(b => b.AccountId == id && b.EndedAt == null)
            .OrderBy(b => b.TargetHandle).ToListAsync(ct);
        Rules = [new SelectListItem("Choose a rule", ""),
            .. (await policies.RulesAsync(account.MunicipalityId, ct)).Select(r => new SelectListItem(r.Title, r.Id.ToString())),
            new SelectListItem("Disagreement or criticism (not a rule – will be flagged)", ModerationRules.Disagreement)];
        return true;
    }

    internal sealed class ActionInput
    {
        public Guid? RequestId { get; set; }

        public ModerationKind? Kind { get; set; }

        public string? TargetHandle { get; set; }

        public string? TargetProfileUrl { get; set; }

        public string? PostUrl { get; set; }

        public string? ContentAsPosted { get; set; }

        public DateTime? OccurredAt { get; set; }

        public string? Rule { get; set; }

        public bool CredibleThreat { get; set; }

        public string? Justification { get; set; }

        public string? Notes { get; set; }

        public DateOnly? BlockEndsOn { get; set; }

        public DateOnly? BlockReviewOn { get; set; }

        public DateTime? CapturedAt { get; set; }

        public List<IFormFile> Evidence { get; set; } = [];
    }
}
