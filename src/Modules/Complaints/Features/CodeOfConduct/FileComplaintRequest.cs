using System.ComponentModel.DataAnnotations;
using Governance.Complaints.Domain;
using Governance.Platform.Web;

namespace Governance.Complaints.Features.CodeOfConduct;

/// <summary>What a complainant states and signs (R10, R16), whether filing anew or completing an escalated appeal.</summary>
internal interface IComplaintStatement
{
    string PostLinks { get; }

    List<Guid> Articles { get; }

    string WhatHappened { get; }

    bool AllegesDiscrimination { get; }

    DateOnly? ConductOn { get; }

    DateOnly? AwareOn { get; }

    string? Phone { get; }

    string? PostalAddress { get; }

    string DeclarationName { get; }

    bool DeclarationConfirmed { get; }
}

/// <summary>A Code of Conduct complaint as the form and the API send it (R10, R16).</summary>
internal sealed class FileComplaintRequest : PublicFilingRequest, IComplaintStatement
{
    /// <summary>Who is complaining: a resident, a member of council, or council itself (R16).</summary>
    public ComplainantKind ComplainantKind { get; init; } = ComplainantKind.Resident;

    /// <summary>The member of council complained about; for a local board member without an account, leave it out and give the board and name.</summary>
    public Guid? MemberId { get; init; }

    /// <summary>A local board the municipality lists, when the complaint is about one of its members.</summary>
    [MaxLength(200, ErrorMessage = "Choose the local board from the list.")]
    [SingleLine]
    public string? LocalBoard { get; init; }

    /// <summary>The local board member's name.</summary>
    [MaxLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    [SingleLine]
    public string? RespondentName { get; init; }

    [Required(ErrorMessage = "Add the link to each post, one per line.")]
    [MaxLength(4000, ErrorMessage = "Keep the links under 4,000 characters.")]
    public string PostLinks { get; init; } = "";

    [MinLength(1, ErrorMessage = "Choose at least one article of the Code of Conduct.")]
    [MaxLength(30, ErrorMessage = "Choose at most 30 articles.")]
    public List<Guid> Articles { get; init; } = [];

    [Required(ErrorMessage = "Tell us what happened.")]
    [MaxLength(10_000, ErrorMessage = "Keep this under 10,000 characters; attach a file for more.")]
    public string WhatHappened { get; init; } = "";

    public bool AllegesDiscrimination { get; init; }

    /// <summary>When the conduct happened (R16).</summary>
    [Required(ErrorMessage = "Enter the date the conduct happened (your best estimate).")]
    public DateOnly? ConductOn { get; init; }

    /// <summary>When the complainant became aware of it: the time limit runs from then (R16).</summary>
    [Required(ErrorMessage = "Enter the date you became aware of it.")]
    public DateOnly? AwareOn { get; init; }

    [Required(ErrorMessage = "Enter your full name: a formal complaint cannot be anonymous.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Enter your full name.")]
    [SingleLine]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "Enter your e-mail address so we can send you updates.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.ca.")]
    [MaxLength(256)]
    [SingleLine]
    public string Email { get; init; } = "";

    [MaxLength(40)]
    [SingleLine]
    public string? Phone { get; init; }

    [MaxLength(500)]
    [SingleLine]
    public string? PostalAddress { get; init; }

    [Required(ErrorMessage = "Type your full name to sign the declaration.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Type your full name to sign the declaration.")]
    [SingleLine]
    public string DeclarationName { get; init; } = "";

    [Range(typeof(bool), "true", "true", ErrorMessage = "Confirm the declaration to continue.")]
    public bool DeclarationConfirmed { get; init; }
}

/// <summary>Completing and signing a complaint created from an escalated appeal (R9, R16), through the private link.</summary>
internal sealed class CompleteComplaintRequest : IComplaintStatement
{
    [Required(ErrorMessage = "Add the link to each post, one per line.")]
    [MaxLength(4000, ErrorMessage = "Keep the links under 4,000 characters.")]
    public string PostLinks { get; init; } = "";

    [MinLength(1, ErrorMessage = "Choose at least one article of the Code of Conduct.")]
    [MaxLength(30, ErrorMessage = "Choose at most 30 articles.")]
    public List<Guid> Articles { get; init; } = [];

    [Required(ErrorMessage = "Tell us what happened.")]
    [MaxLength(10_000, ErrorMessage = "Keep this under 10,000 characters.")]
    public string WhatHappened { get; init; } = "";

    public bool AllegesDiscrimination { get; init; }

    [Required(ErrorMessage = "Enter the date the conduct happened (your best estimate).")]
    public DateOnly? ConductOn { get; init; }

    [Required(ErrorMessage = "Enter the date you became aware of it.")]
    public DateOnly? AwareOn { get; init; }

    [MaxLength(40)]
    [SingleLine]
    public string? Phone { get; init; }

    [MaxLength(500)]
    [SingleLine]
    public string? PostalAddress { get; init; }

    [Required(ErrorMessage = "Type your full name to sign the declaration.")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Type your full name to sign the declaration.")]
    [SingleLine]
    public string DeclarationName { get; init; } = "";

    [Range(typeof(bool), "true", "true", ErrorMessage = "Confirm the declaration to continue.")]
    public bool DeclarationConfirmed { get; init; }
}
