using Governance.Platform.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Governance.Platform.Web;

/// <summary>Grants the request's tenant scope the municipalities named in the signed-in user's claims.</summary>
public static class TenantClaims
{
    public const string Municipality = "governance:municipality";

    public static async Task GrantFromClaims(HttpContext context, Func<Task> next)
    {
        var scope = context.RequestServices.GetService(typeof(TenantScope)) as TenantScope;
        if (scope is not null && context.User.Identity?.IsAuthenticated == true)
        {
            scope.Grant(context.User.FindAll(Municipality)
                .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty));
        }

        await next();
    }
}
