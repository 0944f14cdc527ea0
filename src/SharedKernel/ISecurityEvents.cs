namespace Governance.SharedKernel;

/// <summary>
/// Records a security event (a failed sign-in, a refused request, a change of password, e-mail, roles or two-step
/// sign-in) in the audit trail and as a structured log: who, when, from where.
/// </summary>
public interface ISecurityEvents
{
    /// <param name="kind">What happened, e.g. "sign-in.failed", "request.forbidden".</param>
    /// <param name="account">The account concerned, as given (an e-mail address), if any.</param>
    /// <param name="detail">A short description: the path refused, the roles granted.</param>
    Task RecordAsync(string kind, string? account, string? detail, CancellationToken ct);
}
