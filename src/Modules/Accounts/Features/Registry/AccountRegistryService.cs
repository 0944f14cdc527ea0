using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Governance.Platform.Web;

namespace Governance.Accounts.Features.Registry;

/// <summary>A class, not a positional record, so pages can bind it and its annotations are checked the same way.</summary>
internal sealed class RegisterAccountRequest
{
    [Required]
    public Guid? MunicipalityId { get; init; }

    [Required(ErrorMessage = "Choose the platform.")]
    public SocialPlatform? Platform { get; init; }

    [Required(ErrorMessage = "Enter the account's handle.")]
    [RegularExpression(@"^@?[A-Za-z0-9_.\-]{1,100}$", ErrorMessage = "A handle has letters, digits, dots, dashes or underscores, like @DemoTownship.")]
    [SingleLine]
    public string Handle { get; init; } = "";

    [Required(ErrorMessage = "Enter the profile address.")]
    [Url(ErrorMessage = "Enter a full address starting with https://.")]
    [MaxLength(500)]
    [SingleLine]
    public string ProfileUrl { get; init; } = "";

    [Required(ErrorMessage = "Choose whose account it is.")]
    public AccountOwner? Owner { get; init; }

    [Required(ErrorMessage = "Enter who owns the account.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter 2 to 200 characters.")]
    [SingleLine]
    public string OwnerName { get; init; } = "";

    public Guid? OwnerUserId { get; init; }

    [Required(ErrorMessage = "Say what the account is for.")]
    [StringLength(1000, MinimumLength = 3, ErrorMessage = "Enter 3 to 1000 characters.")]
    public string Purpose { get; init; } = "";

    [Required(ErrorMessage = "Enter the person responsible.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter 2 to 200 characters.")]
    [SingleLine]
    public string ResponsibleName { get; init; } = "";

    [Required(ErrorMessage = "Enter the responsible person's e-mail.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.ca.")]
    [MaxLength(256)]
    [SingleLine]
    public string ResponsibleEmail { get; init; } = "";
}

internal sealed record FactInput(bool Answer, [property: MaxLength(1000)] string? Note);

internal sealed record OfficialTestRequest([property: Required] Dictionary<string, FactInput> Facts);

internal sealed record ClassificationResponse(string Classification, bool TreatedAsOfficial, IReadOnlyList<string> Fired,
    IReadOnlyList<string> UnmetPersonalConditions, string Explanation, DateTimeOffset Since, string RecordedBy,
    IReadOnlyDictionary<string, FactInput> Facts);

internal sealed record AccountResponse(Guid Id, Guid MunicipalityId, string Platform, string Handle, string ProfileUrl,
    string Owner, string OwnerName, string Purpose, string ResponsibleName, string ResponsibleEmail, string Classification,
    bool TreatedAsOfficial);

/// <summary>The account registry and the R1 official-account test with its history.</summary>
internal sealed class AccountRegistryService(AccountsDbContext db, ITenantScope tenant, ICurrentActor actor, AuditTrail audit,
    TimeProvider clock)
{
    public async Task<Result<SocialAccount>> RegisterAsync(RegisterAccountRequest request, CancellationToken ct)
    {
        var municipality = request.MunicipalityId!.Value;
        if (!tenant.Allows(municipality) || !await db.Municipalities.AnyAsync(m => m.Id == municipality, ct))
        {
            return Result<SocialAccount>.Invalid("municipalityId", "You do not serve this municipality.");
        }

        if (!Uri.TryCreate(request.ProfileUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return Result<SocialAccount>.Invalid("profileUrl", "Enter a full address starting with https://.");
        }

        if (request.OwnerUserId is { } owner
            && !await db.Assignments.AnyAsync(a => a.UserId == owner && a.MunicipalityId == municipality, ct))
        {
            return Result<SocialAccount>.Invalid("ownerUserId", "Choose a member or staff person of this municipality as the owner.");
        }

        var handle = request.Handle.Trim();
        if (await db.Accounts.AnyAsync(a => a.MunicipalityId == municipality && a.Platform == request.Platform && a.Handle == handle, ct))
        {
            return Result<SocialAccount>.Conflict($"{handle} on {request.Platform} is already registered.");
        }

        var now = clock.GetUtcNow();
        var account = new SocialAccount
        {
            Id = Guid.NewGuid(), MunicipalityId = municipality, Platform = request.Platform!.Value, Handle = handle,
            ProfileUrl = request.ProfileUrl.Trim(), Owner = request.Owner!.Value, OwnerName = request.OwnerName.Trim(),
            OwnerUserId = request.OwnerUserId, Purpose = request.Purpose.Trim(), ResponsibleName = request.ResponsibleName.Trim(),
            ResponsibleEmail = request.ResponsibleEmail.Trim(), CreatedAt = now,
        };
        db.Accounts.Add(account);
        Reclassify(account, new Dictionary<string, Fact>(), now);
        audit.Record(db, "account.registered", "SocialAccount", account.Id.ToString(), municipality, $"{account.Platform} {handle}");
        await db.SaveChangesAsync(ct);
        return Result<SocialAccount>.Ok(account);
    }

    /// <summary>Records the facts of the R1 test; a new history record only when something changed.</summary>
    public async Task<Result<ClassificationRecord>> RecordFactsAsync(Guid accountId, IReadOnlyDictionary<string, FactInput> facts,
        CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Result<ClassificationRecord>.NotFound();
        }

        var unknown = facts.Keys.Where(k => !OfficialAccountTest.IsKnown(k)).ToList();
        if (unknown.Count > 0)
        {
            return Result<ClassificationRecord>.Invalid("facts", $"Unknown criterion: {string.Join(", ", unknown)}.");
        }

        if (facts.Values.Any(f => f.Note?.Length > 1000))
        {
            return Result<ClassificationRecord>.Invalid("facts", "Keep each note under 1000 characters.");
        }

        var current = await CurrentRecordAsync(accountId, ct);
        var normalized = facts.ToDictionary(f => f.Key, f => new Fact(f.Value.Answer, string.IsNullOrWhiteSpace(f.Value.Note) ? null : f.Value.Note.Trim()));
        if (current is not null && current.FactsJson == Serialize(normalized))
        {
            return Result<ClassificationRecord>.Ok(current);
        }

        var record = Reclassify(account, normalized, clock.GetUtcNow());
        audit.Record(db, "account.classified", "SocialAccount", account.Id.ToString(), account.MunicipalityId,
            $"{record.Classification}: {record.Fired}");
        await db.SaveChangesAsync(ct);
        return Result<ClassificationRecord>.Ok(record);
    }

    public Task<ClassificationRecord?> CurrentRecordAsync(Guid accountId, CancellationToken ct)
        => db.Classifications.Where(c => c.AccountId == accountId).OrderByDescending(c => c.Since).FirstOrDefaultAsync(ct);

    public Task<ClassificationRecord?> RecordAtAsync(Guid accountId, DateTimeOffset at, CancellationToken ct)
        => db.Classifications.AsNoTracking().Where(c => c.AccountId == accountId && c.Since <= at)
            .OrderByDescending(c => c.Since).FirstOrDefaultAsync(ct);

    public static AccountResponse ToResponse(SocialAccount a) => new(a.Id, a.MunicipalityId, a.Platform.ToString(), a.Handle,
        a.ProfileUrl, a.Owner.ToString(), a.OwnerName, a.Purpose, a.ResponsibleName, a.ResponsibleEmail,
        a.Classification.ToString(), a.TreatedAsOfficial);

    public static ClassificationResponse ToResponse(SocialAccount account, ClassificationRecord record)
    {
        var facts = Deserialize(record.FactsJson);
        var result = OfficialAccountTest.Classify(account.Owner, facts);
        return new ClassificationResponse(record.Classification.ToString(), record.Classification != Classification.Personal,
            result.Fired, result.UnmetPersonalConditions, record.Explanation, record.Since, record.RecordedBy,
            facts.ToDictionary(f => f.Key, f => new FactInput(f.Value.Answer, f.Value.Note)));
    }

    public static Dictionary<string, Fact> Deserialize(string json)
        => JsonSerializer.Deserialize<Dictionary<string, Fact>>(json) ?? [];

    private static string Serialize(IReadOnlyDictionary<string, Fact> facts)
        => JsonSerializer.Serialize(facts.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value));

    private ClassificationRecord Reclassify(SocialAccount account, IReadOnlyDictionary<string, Fact> facts, DateTimeOffset now)
    {
        var record = account.Classify(facts, Serialize(facts), actor.Name, now);
        db.Classifications.Add(record);
        return record;
    }
}
