using Governance.SharedKernel;

namespace Governance.Accounts.Domain;

internal enum SocialPlatform
{
    Facebook = 1,
    X = 2,
    Instagram = 3,
    TikTok = 4,
    YouTube = 5,
    LinkedIn = 6,
    Other = 7,
}

internal enum AccountOwner
{
    Municipality = 1,
    Member = 2,
    StaffUnit = 3,

    /// <summary>A member's separate election campaign account (R11): never official, no City resources.</summary>
    Campaign = 4,
}

/// <summary>A social media account in the registry: whose it is, what it is for, who answers for it.</summary>
internal sealed class SocialAccount : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public SocialPlatform Platform { get; set; }

    public string Handle { get; set; } = "";

    public string ProfileUrl { get; set; } = "";

    public AccountOwner Owner { get; set; }

    /// <summary>The member's or the staff unit's name; the municipality's name for its own accounts.</summary>
    public string OwnerName { get; set; } = "";

    /// <summary>The member's staff account, when the owner is a member with one.</summary>
    public Guid? OwnerUserId { get; set; }

    public string Purpose { get; set; } = "";

    public string ResponsibleName { get; set; } = "";

    /// <summary>Where block-review reminders go.</summary>
    public string ResponsibleEmail { get; set; } = "";

    /// <summary>The current classification (R1); its history is in <see cref="ClassificationRecord"/>.</summary>
    public Classification Classification { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool TreatedAsOfficial => Classification != Classification.Personal;

    /// <summary>Runs the R1 test on the facts, takes its classification, and returns the history record to keep.</summary>
    public ClassificationRecord Classify(IReadOnlyDictionary<string, Fact> facts, string factsJson, string recordedBy, DateTimeOffset now)
    {
        var result = OfficialAccountTest.Classify(Owner, facts);
        Classification = result.Classification;
        return new ClassificationRecord
        {
            Id = Guid.NewGuid(), AccountId = Id, MunicipalityId = MunicipalityId, Since = now, RecordedBy = recordedBy,
            FactsJson = factsJson, Classification = result.Classification, Fired = string.Join(',', result.Fired),
            Explanation = result.Explanation,
        };
    }
}

/// <summary>
/// The facts of the R1 test and the classification they gave, from a moment on. Never updated: a change of
/// facts adds a record, so "how was this account classified on date D" has an answer.
/// </summary>
internal sealed class ClassificationRecord : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public Guid MunicipalityId { get; set; }

    public DateTimeOffset Since { get; set; }

    public string RecordedBy { get; set; } = "";

    /// <summary>Each criterion's answer and note, as JSON.</summary>
    public string FactsJson { get; set; } = "{}";

    public Classification Classification { get; set; }

    /// <summary>Comma-separated codes of the criteria that fired.</summary>
    public string Fired { get; set; } = "";

    public string Explanation { get; set; } = "";
}
