using Governance.Accounts.Data;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Accounts.Features.Security;

/// <summary>
/// Security events go to the Accounts audit trail (action "security.&lt;kind&gt;", under the municipalities of
/// the account concerned, so its administrators see them) and to the log as structured warnings.
/// </summary>
/// <remarks>Written in a scope of its own, so a request's unsaved changes are never committed with the event.</remarks>
internal sealed class SecurityEvents(IServiceScopeFactory scopes, ICurrentActor actor, TimeProvider clock, ILogger<SecurityEvents> log)
    : ISecurityEvents
{
    public const string ActionPrefix = "security.";

    public async Task RecordAsync(string kind, string? account, string? detail, CancellationToken ct)
    {
        log.Log(kind.EndsWith(".succeeded", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning,
            "Security event {SecurityEvent} for {Account} by {Actor} from {Address}: {Detail}",
            kind, account, actor.Name, actor.Address, detail);

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var subject = account ?? actor.Name;
        var normalized = subject.Trim().Normalize().ToUpperInvariant();
        // Filed under the account concerned, so only its municipalities' administrators see it; an event with no
        // account (a refused request) is the actor's own.
        var municipalities = await (from u in db.Users
                                    join a in db.Assignments on u.Id equals a.UserId
                                    where account != null ? u.NormalizedEmail == normalized : u.Id == actor.UserId
                                    select a.MunicipalityId).Distinct().ToListAsync(ct);
        if (Repeats.Contains(kind) && await RecordedLatelyAsync(db, ActionPrefix + kind, subject, ct))
        {
            return; // in the log, but once a window in the trail: a client looping on a limit cannot flood it
        }

        foreach (var municipality in municipalities.DefaultIfEmpty())
        {
            audit.Record(db, ActionPrefix + kind, "Account", Truncate(subject, 100)!, municipality == Guid.Empty ? null : municipality,
                Truncate(detail, 2000));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Events a client can repeat as fast as it likes once it is limited.</summary>
    private static readonly string[] Repeats = ["sign-in.throttled", "account-mail.limited", "sign-in.attack-suspected"];

    private async Task<bool> RecordedLatelyAsync(AccountsDbContext db, string action, string subject, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Domain.SignInLimits.Window;
        var recordId = Truncate(subject, 100);
        return await db.Set<AuditEntry>().AnyAsync(e => e.Action == action && e.RecordId == recordId && e.Address == actor.Address && e.At > since, ct);
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
