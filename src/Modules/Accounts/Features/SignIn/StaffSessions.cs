using System.Security.Claims;
using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.SignIn;

/// <summary>
/// Server-side sessions: started at sign-in, checked on every request (with the account's security stamp, so a
/// changed password, e-mail, role or two-step setting ends every sign-in at once), ended at sign-out.
/// </summary>
internal sealed class StaffSessions(AccountsDbContext db, IUserClaimsPrincipalFactory<StaffUser> claims,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> identity, ICurrentActor actor, TimeProvider clock) : ISessionCheck
{
    /// <summary>The claim that names the session in a cookie or token.</summary>
    public const string SessionClaim = "governance:session";

    /// <summary>How the person proved who they are (RFC 8176): "pwd", or "mfa" with a second factor.</summary>
    public const string MethodClaim = "amr";

    /// <summary>The refresh generation a token was issued at (a claim: Identity's refresh ticket keeps claims, not properties).</summary>
    public const string GenerationClaim = "governance:generation";

    public async Task<(ClaimsPrincipal Principal, AuthenticationProperties Properties)> StartAsync(StaffUser user, bool secondFactor,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new StaffSession
        {
            Id = Guid.NewGuid(), UserId = user.Id, StartedAt = now, LastSeenAt = now, ExpiresAt = now + StaffSession.AbsoluteLimit,
            Address = actor.Address,
        };
        db.Sessions.Add(session);
        db.SecurityAttempts.RemoveRange(db.SecurityAttempts.Where(a => a.Kind == SecurityAttempt.SignInFailure
            && a.Account == StaffSignIn.Key(user.Email!) && a.Address == ClientAddress.LimitKey(actor.Address)));
        await db.SaveChangesAsync(ct);
        return (await PrincipalAsync(user, session, secondFactor), Properties(session));
    }

    /// <summary>Whether the principal's session is still open and its security stamp current; touches it.</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(SessionClaim), out var sessionId))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var now = clock.GetUtcNow();
        var found = await (from s in db.Sessions.AsNoTracking()
                           join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                           where s.Id == sessionId
                           select new { Session = s, u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (found is null || !found.Session.IsActive(now) || found.SecurityStamp != stamp || found.LockoutEnd > now)
        {
            return false;
        }

        if (now - found.Session.LastSeenAt >= StaffSession.TouchEvery)
        {
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }

        return true;
    }

    /// <summary>A new access token for a refresh token of the current generation; an older one is a replay and ends the session.</summary>
    public async Task<(ClaimsPrincipal Principal, AuthenticationProperties Properties)?> RefreshAsync(AuthenticationTicket ticket,
        CancellationToken ct)
    {
        if (ticket.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow()
            || !Guid.TryParse(ticket.Principal.FindFirstValue(SessionClaim), out var sessionId)
            || !await IsOpenAsync(ticket.Principal, ct))
        {
            return null;
        }

        // Move to the next generation only from the token's own: of two uses of one token, even at the same moment,
        // exactly one wins, and the other is a replay that ends the session.
        var generation = int.TryParse(ticket.Principal.FindFirstValue(GenerationClaim), out var g) ? g : -1;
        var advanced = await db.Sessions.Where(s => s.Id == sessionId && s.RefreshGeneration == generation)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshGeneration, generation + 1), ct);
        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, ct);
        if (advanced != 1)
        {
            End(session, "refresh token used twice");
            await db.SaveChangesAsync(ct);
            return null;
        }

        var user = await db.Users.FirstAsync(u => u.Id == session.UserId, ct);
        var secondFactor = ticket.Principal.FindFirstValue(MethodClaim) == "mfa";
        return (await PrincipalAsync(user, session, secondFactor), Properties(session));
    }

    /// <summary>Ends the principal's own session (sign-out).</summary>
    public async Task EndAsync(ClaimsPrincipal principal, string reason, CancellationToken ct)
    {
        if (Guid.TryParse(principal.FindFirstValue(SessionClaim), out var sessionId)
            && await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct) is { } session)
        {
            End(session, reason);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Ends every open session of a user (the caller saves), e.g. after a password or role change.</summary>
    public async Task EndAllAsync(Guid userId, string reason, CancellationToken ct)
    {
        foreach (var session in await db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct))
        {
            End(session, reason);
        }
    }

    private void End(StaffSession session, string reason)
    {
        session.EndedAt ??= clock.GetUtcNow();
        session.EndReason ??= reason;
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(StaffUser user, StaffSession session, bool secondFactor)
    {
        var principal = await claims.CreateAsync(user);
        var id = (ClaimsIdentity)principal.Identity!;
        id.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
        id.AddClaim(new Claim(GenerationClaim, session.RefreshGeneration.ToString()));
        id.AddClaim(new Claim(MethodClaim, secondFactor ? "mfa" : "pwd"));
        return principal;
    }

    private static AuthenticationProperties Properties(StaffSession session) => new() { IsPersistent = false, ExpiresUtc = session.ExpiresAt };
}
