using System.Security.Claims;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Http;

namespace Governance.Platform.Web;

/// <summary>The actor of the current request: a signed-in user, a resident (anonymous), or the system (no request).</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => accessor.HttpContext is null ? "system"
        : User?.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "user"
        : "resident";

    public string? Address => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool IsInRole(string role) => User?.IsInRole(role) == true;
}
