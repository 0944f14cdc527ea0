using System.ComponentModel.DataAnnotations;
using Governance.Elections.Domain;
using Governance.Platform.Web;

namespace Governance.Elections.Features.Campaigns;

/// <summary>Start tracking an election: a regular one by year (R12 dates), or a by-election with its own dates.</summary>
internal sealed class CreateElectionRequest
{
    [Required(ErrorMessage = "Choose a regular election or a by-election.")]
    public ElectionKind? Kind { get; init; }

    /// <summary>For a regular election.</summary>
    [Range(2022, 2100, ErrorMessage = "Enter a year from 2022.")]
    public int? Year { get; init; }

    /// <summary>For a by-election, e.g. "Ward 3 by-election".</summary>
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    [SingleLine]
    public string? Name { get; init; }

    public DateOnly? NominationPeriodOpens { get; init; }

    public DateOnly? NominationDay { get; init; }

    public DateOnly? VotingDay { get; init; }

    public DateOnly? TermStarts { get; init; }

    public DateOnly? CampaignPeriodEnds { get; init; }
}

/// <summary>The clerk changes an election's dates (a regular one's R12 dates need a reason).</summary>
internal sealed class ElectionDatesRequest
{
    [Required(ErrorMessage = "Enter the date nominations open.")]
    public DateOnly? NominationPeriodOpens { get; init; }

    [Required(ErrorMessage = "Enter nomination day.")]
    public DateOnly? NominationDay { get; init; }

    [Required(ErrorMessage = "Enter voting day.")]
    public DateOnly? VotingDay { get; init; }

    [Required(ErrorMessage = "Enter the day the term starts.")]
    public DateOnly? TermStarts { get; init; }

    [Required(ErrorMessage = "Enter the day the campaign period ends.")]
    public DateOnly? CampaignPeriodEnds { get; init; }

    [StringLength(1000, ErrorMessage = "Keep the reason under 1,000 characters.")]
    public string? Reason { get; init; }
}

internal sealed class AddCandidateRequest
{
    [Required(ErrorMessage = "Choose the member.")]
    public Guid? MemberUserId { get; init; }

    [Required(ErrorMessage = "Enter the office sought, e.g. Councillor, Ward 3.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter 2 to 200 characters.")]
    [SingleLine]
    public string Office { get; init; } = "";

    public DateOnly? IntendedFilingDate { get; init; }
}

internal sealed class FilingDatesRequest
{
    public DateOnly? IntendedFilingDate { get; init; }

    /// <summary>Only the clerk records when papers were actually filed.</summary>
    public DateOnly? ActualFilingDate { get; init; }
}

internal sealed class CampaignPlanRequest
{
    [Required(ErrorMessage = "Choose the account.")]
    public Guid? AccountId { get; init; }

    [Required(ErrorMessage = "Choose what happens to the account during the campaign.")]
    public CampaignChoice? Choice { get; init; }

    /// <summary>With a separate campaign account: its handle on the same platform.</summary>
    [RegularExpression(@"^@?[A-Za-z0-9_.\-]{1,100}$", ErrorMessage = "A handle has letters, digits, dots, dashes or underscores, like @MaxForWard3.")]
    [SingleLine]
    public string? CampaignHandle { get; init; }

    [Url(ErrorMessage = "Enter a full address starting with https://.")]
    [MaxLength(500)]
    [SingleLine]
    public string? CampaignProfileUrl { get; init; }
}

internal sealed class RecheckRequest
{
    [Required(ErrorMessage = "Say whether the account is still compliant.")]
    public bool? Compliant { get; init; }

    [StringLength(2000, ErrorMessage = "Keep the note under 2,000 characters.")]
    public string? Note { get; init; }
}

/// <summary>
/// The multipart/form-data fields <see cref="CampaignEndpoints"/> reads by hand to complete a checklist step, for the
/// API document; the limits are <see cref="CampaignService.CompleteItemAsync"/>'s.
/// </summary>
internal sealed class StepCompletionForm
{
    [MaxLength(500)]
    [Url]
    public string? EvidenceUrl { get; init; }

    [MaxLength(2000)]
    public string? Note { get; init; }

    [System.ComponentModel.Description("A screenshot or PDF; this or evidenceUrl shows the step is done.")]
    public Microsoft.AspNetCore.Http.IFormFile? Evidence { get; init; }
}
