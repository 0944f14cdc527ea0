using Governance.SharedKernel;

namespace Governance.Policies.Domain;

/// <summary>A prohibited-content rule in a municipality's catalogue (R3); moderation actions cite it.</summary>
internal sealed class ProhibitedContentRule : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Criminal Code content or threats: the moderator is told to report it to police (R3, R7).</summary>
    public bool ReportToPolice { get; set; }

    /// <summary>Retired rules stay for the actions that cited them, but cannot be chosen any more.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>An article of a municipality's Code of Conduct (R10).</summary>
internal sealed class CodeArticle : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    /// <summary>The municipality's own numbering; may be empty where its Code has none.</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public bool Active { get; set; } = true;
}

/// <summary>Terms of use and house rules, for the whole municipality or one account (R2).</summary>
internal sealed class PolicyDocument : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    /// <summary>Set when the document is one account's own; null for the municipality's.</summary>
    public Guid? AccountId { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public List<PolicyVersion> Versions { get; set; } = [];
}

internal enum VersionStatus
{
    Draft = 1,
    Published = 2,
}

/// <summary>A version of a document: a draft while edited, then published with an effective date, never changed.</summary>
internal sealed class PolicyVersion : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public Guid MunicipalityId { get; set; }

    public int Number { get; set; }

    public VersionStatus Status { get; set; }

    public string Body { get; set; } = "";

    public DateOnly? EffectiveFrom { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>Why an Administrator published it with required elements missing (R2).</summary>
    public string? OverrideReason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ElementCoverage> Coverage { get; set; } = [];

    public IReadOnlyDictionary<string, string> CoverageBySection
        => Coverage.ToDictionary(c => c.ElementCode, c => c.Section);
}

/// <summary>The author's note of which section covers a required element (R2).</summary>
internal sealed class ElementCoverage
{
    public Guid VersionId { get; set; }

    public string ElementCode { get; set; } = "";

    public string Section { get; set; } = "";
}

/// <summary>R14: monitored hours and the response target of a municipality.</summary>
internal sealed class ServiceLevel : IMunicipalityOwned
{
    public Guid MunicipalityId { get; set; }

    public TimeOnly Opens { get; set; } = new(8, 30);

    public TimeOnly Closes { get; set; } = new(16, 30);

    /// <summary>Business days, e.g. "Monday,Tuesday,Wednesday,Thursday,Friday".</summary>
    public string BusinessDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>Response target in business hours (Middlesex: 8).</summary>
    public int ResponseTargetHours { get; set; } = 8;

    public IReadOnlyList<DayOfWeek> Days => BusinessDays.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Enum.Parse<DayOfWeek>(d.Trim())).ToList();
}

/// <summary>A day the municipality's office is closed (R14).</summary>
internal sealed class Holiday : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>R17: a person's acknowledgement of a policy version (Middlesex acknowledgement form).</summary>
internal sealed class Acknowledgement : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public Guid VersionId { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    public string Position { get; set; } = "";

    public string Department { get; set; } = "";

    /// <summary>The typed signature.</summary>
    public string Signature { get; set; } = "";

    public DateOnly SignedOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
