using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Audit;
using Governance.Elections.Contracts;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Governance.Platform.Files;
using Governance.Platform.Web;

namespace Governance.Accounts.Features.Moderation;

internal sealed record RecordActionInput(
    Guid AccountId,
    ModerationKind? Kind,
    [property: SingleLine] string? TargetHandle,
    [property: SingleLine] string? TargetProfileUrl,
    [property: SingleLine] string? PostUrl,
    string? ContentAsPosted,
    DateTimeOffset? OccurredAt,
    [property: SingleLine] string? Rule,
    bool CredibleThreat,
    string? Justification,
    string? Notes,
    DateOnly? BlockEndsOn,
    DateOnly? BlockReviewOn,
    DateTimeOffset? CapturedAt,
    Guid? RequestId,
    IReadOnlyList<UploadedFile> Files);

/// <summary>
/// Logs a moderation action (R3-R7): the rule relied on from the catalogue, R4 viewpoint and R5 graduation
/// flags, R6 evidence files, and the block register. Bad input changes nothing.
/// </summary>
internal sealed class ModerationService(
    AccountsDbContext db,
    IPolicyCatalog policies,
    IElectionCalendar elections,
    EvidenceStore evidence,
    ICurrentActor actor,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxFiles = 10;

    private static readonly ModerationKind[] NeedEvidence =
        [ModerationKind.Block, ModerationKind.Delete, ModerationKind.EscalateToPolice, ModerationKind.EscalateToIntegrityCommissioner];

    public async Task<Result<ModerationAction>> RecordAsync(RecordActionInput input, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == input.AccountId, ct);
        if (account is null)
        {
            return Result<ModerationAction>.NotFound();
        }

        if (Platform.Web.ValidationFilter.Validate(input) is { Count: > 0 } invalid)
        {
            return Result<ModerationAction>.Invalid(invalid);
        }

        if (input.RequestId is { } requestId
            && await db.ModerationActions.Include(a => a.Evidence).FirstOrDefaultAsync(a => a.RequestId == requestId, ct) is { } repeat)
        {
            return Result<ModerationAction>.Ok(repeat); // the same form sent twice: one action
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Result<ModerationAction>.Invalid("kind", "Choose what was done.");
        }

        var handle = input.TargetHandle?.Trim() ?? "";
        if (kind != ModerationKind.DisableComments && (handle.Length is 0 or > 200))
        {
            Error("targetHandle", "Enter the user name or handle of the person (up to 200 characters).");
        }

        if (kind == ModerationKind.DisableComments && string.IsNullOrWhiteSpace(input.PostUrl))
        {
            Error("postUrl", "Enter the address of the post whose comments were turned off.");
        }

        foreach (var (field, value) in new[] { ("targetProfileUrl", input.TargetProfileUrl), ("postUrl", input.PostUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && (value.Length > 500
                || !Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
            {
                Error(field, "Enter a full address starting with https://.");
            }
        }

        var content = input.ContentAsPosted ?? "";
        if (kind is not (ModerationKind.Unblock or ModerationKind.DisableComments) && string.IsNullOrWhiteSpace(content))
        {
            Error("contentAsPosted", "Copy the content exactly as it was posted.");
        }
        else if (content.Length > 20_000)
        {
            Error("contentAsPosted", "The content is longer than 20,000 characters; attach a screenshot or PDF instead.");
        }

        if (input.OccurredAt is not { } occurredAt)
        {
            Error("occurredAt", "Enter when it happened on the platform.");
        }
        else if (occurredAt > now.AddMinutes(5))
        {
            Error("occurredAt", "The time it happened cannot be in the future.");
        }

        if ((input.Justification?.Length ?? 0) > 4000 || (input.Notes?.Length ?? 0) > 4000)
        {
            Error("notes", "Keep notes and justifications under 4,000 characters.");
        }

        // The rule relied on (R3, R4): a catalogue rule, or "disagreement", which is not a rule.
        ModerationRule? rule = null;
        var isDisagreement = input.Rule == ModerationRules.Disagreement;
        if (kind != ModerationKind.Unblock && !isDisagreement)
        {
            rule = Guid.TryParse(input.Rule, out var ruleId)
                ? await policies.FindRuleAsync(account.MunicipalityId, ruleId, ct)
                : null;
            if (rule is null)
            {
                Error("rule", "Choose the rule relied on from the house rules.");
            }
        }

        // R11 (Middlesex): candidates may not post on the municipality's own accounts during the nomination period.
        if (rule?.Code == RuleCodes.CandidatePosting && input.OccurredAt is { } postedAt)
        {
            var zone = await db.Municipalities.Where(m => m.Id == account.MunicipalityId).Select(m => m.TimeZone).FirstAsync(ct);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(postedAt, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
            var period = await elections.NominationPeriodOnAsync(account.MunicipalityId, day, ct);
            if (account.Owner != AccountOwner.Municipality)
            {
                Error("rule", "This rule is for the municipality's own accounts only.");
            }
            else if (!period.InNominationPeriod)
            {
                Error("rule", $"This rule applies only during an election's nomination period: {period.Explanation}");
            }
        }

        // Evidence (R6).
        if (NeedEvidence.Contains(kind) && input.Files.Count == 0)
        {
            Error("evidence", "Attach a screenshot showing the time and the user's name or profile address.");
        }

        if (await EvidenceStore.CheckAllAsync(input.Files, MaxFiles, ct) is { } problem)
        {
            Error("evidence", problem);
        }

        if (input.Files.Count > 0 && input.CapturedAt is not { } captured)
        {
            Error("capturedAt", "Enter when the screenshots were taken.");
        }
        else if (input.CapturedAt > now.AddMinutes(5))
        {
            Error("capturedAt", "The capture time cannot be in the future.");
        }

        // The block register and graduated response (R5).
        Block? activeBlock = null;
        BlockAssessment? assessment = null;
        if (kind is ModerationKind.Block or ModerationKind.Unblock && handle.Length > 0)
        {
            activeBlock = await db.Blocks.FirstOrDefaultAsync(b => b.AccountId == account.Id && b.TargetHandle == handle && b.EndedAt == null, ct);
        }

        if (kind == ModerationKind.Block)
        {
            if (activeBlock is not null)
            {
                return Result<ModerationAction>.Conflict($"{handle} is already blocked on this account.");
            }

            var (prior, threshold) = await PriorViolationsAsync(account, handle, ct);
            assessment = ModerationRules.AssessBlock(prior, threshold, input.CredibleThreat);
            if (assessment.NeedsJustification && string.IsNullOrWhiteSpace(input.Justification))
            {
                Error("justification", assessment.Explanation);
            }

            if (input.BlockEndsOn is null && input.BlockReviewOn is null)
            {
                Error("blockReviewOn", "Give an end date or a review date for the block.");
            }
            else if (input.BlockEndsOn < DateOnly.FromDateTime(now.UtcDateTime) || input.BlockReviewOn < DateOnly.FromDateTime(now.UtcDateTime))
            {
                Error("blockReviewOn", "End and review dates must be today or later.");
            }
        }

        if (kind == ModerationKind.Unblock && activeBlock is null && errors.Count == 0)
        {
            return Result<ModerationAction>.Conflict($"{handle} has no active block on this account.");
        }

        if (errors.Count > 0)
        {
            return Result<ModerationAction>.Invalid(errors);
        }

        var action = new ModerationAction
        {
            Id = Guid.NewGuid(),
            MunicipalityId = account.MunicipalityId,
            AccountId = account.Id,
            Kind = kind,
            TargetHandle = handle,
            TargetProfileUrl = Clean(input.TargetProfileUrl),
            PostUrl = Clean(input.PostUrl),
            ContentAsPosted = content,
            OccurredAt = input.OccurredAt!.Value.ToUniversalTime(),
            RecordedAt = now,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            RuleId = rule?.Id,
            RuleCode = isDisagreement ? ModerationRules.Disagreement : rule?.Code ?? "",
            RuleTitle = isDisagreement ? "Disagreement or criticism (not a rule)" : rule?.Title ?? "",
            CredibleThreat = input.CredibleThreat,
            Justification = Clean(input.Justification),
            Notes = Clean(input.Notes),
            RiskFlags = string.Join(',', ModerationRules.RiskFlags(isDisagreement, account.TreatedAsOfficial, assessment)),
            RequestId = input.RequestId,
        };

        foreach (var file in input.Files)
        {
            await using var stream = file.Open();
            var stored = await evidence.SaveAsync(file.FileName, stream, ct);
            action.Evidence.Add(new EvidenceFile
            {
                Id = Guid.NewGuid(), MunicipalityId = account.MunicipalityId, ModerationActionId = action.Id,
                FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
                CapturedAt = input.CapturedAt!.Value.ToUniversalTime(), UploadedAt = now, UploadedBy = actor.Name,
            });
        }

        db.ModerationActions.Add(action);
        if (kind == ModerationKind.Block)
        {
            db.Blocks.Add(new Block
            {
                Id = Guid.NewGuid(), MunicipalityId = account.MunicipalityId, AccountId = account.Id, TargetHandle = handle,
                BlockActionId = action.Id, StartedAt = action.OccurredAt, EndsOn = input.BlockEndsOn, ReviewOn = input.BlockReviewOn,
            });
        }
        else if (kind == ModerationKind.Unblock)
        {
            activeBlock!.EndedAt = action.OccurredAt;
            activeBlock.EndedByActionId = action.Id;
        }

        audit.Record(db, "moderation.recorded", "ModerationAction", action.Id.ToString(), account.MunicipalityId,
            $"{kind} {handle} rule={action.RuleCode} flags={action.RiskFlags}");
        await db.SaveChangesAsync(ct);
        return Result<ModerationAction>.Ok(action);
    }

    /// <summary>R7: the least intrusive action for a situation, counting the user's prior violations on the account.</summary>
    public async Task<Result<TriageSuggestion>> TriageAsync(Guid accountId, string? handle, bool abuseOrThreat,
        bool credibleThreat, bool provoking, bool spamOrRepeated, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Result<TriageSuggestion>.NotFound();
        }

        var (prior, threshold) = await PriorViolationsAsync(account, handle?.Trim() ?? "", ct);
        return Result<TriageSuggestion>.Ok(ModerationRules.Triage(
            new TriageAnswers(abuseOrThreat, credibleThreat, provoking, spamOrRepeated, prior, threshold)));
    }

    /// <summary>R5: violations by this user on this account in the last 12 months, and the municipality's threshold.</summary>
    private async Task<(int Prior, int Threshold)> PriorViolationsAsync(SocialAccount account, string handle, CancellationToken ct)
    {
        var municipality = await db.Municipalities.IgnoreQueryFilters().SingleAsync(m => m.Id == account.MunicipalityId, ct);
        var since = clock.GetUtcNow().AddMonths(-12);
        var prior = handle.Length == 0 ? 0 : await db.ModerationActions.CountAsync(a => a.AccountId == account.Id
            && a.TargetHandle == handle && a.RuleId != null && a.OccurredAt >= since
            && (a.Kind == ModerationKind.Hide || a.Kind == ModerationKind.Delete || a.Kind == ModerationKind.Block), ct);
        return (prior, municipality.PriorViolationsBeforeBlock);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
