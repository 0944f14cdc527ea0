using System.ComponentModel.DataAnnotations;
using Governance.Platform.Web;

namespace Governance.Complaints.Features;

/// <summary>What every public form carries besides its own fields. A class so pages can bind it.</summary>
internal abstract class PublicFilingRequest
{
    [Required(ErrorMessage = "Choose your municipality.")]
    [MaxLength(100)]
    [SingleLine]
    public string Municipality { get; init; } = "";

    [Range(typeof(bool), "true", "true", ErrorMessage = "Please agree to the privacy notice to continue.")]
    public bool Consent { get; init; }

    /// <summary>Hidden from people; bots fill it in.</summary>
    public string? Website { get; init; }

    /// <summary>The form's one-time id, so pressing submit twice files one case.</summary>
    public Guid? SubmissionId { get; init; }
}
