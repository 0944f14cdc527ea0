namespace Governance.Complaints.Pages;

/// <summary>One problem in a form's error summary: what to fix, and the id of the field to fix it in (null: the whole form).</summary>
internal sealed record FormProblem(string Message, string? FieldId);
