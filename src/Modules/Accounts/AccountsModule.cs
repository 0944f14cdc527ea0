using Governance.Accounts.Contracts;
using Governance.Elections.Contracts;
using Governance.Accounts.Data;
using Governance.Accounts.Demo;
using Governance.Accounts.Domain;
using Governance.Accounts.Features.Municipalities;
using Governance.Accounts.Features.Moderation;
using Governance.Accounts.Features.Registry;
using Governance.Accounts.Features.Security;
using Governance.Accounts.Features.SignIn;
using Governance.Accounts.Features.Staff;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Governance.Accounts.Features.Transparency;
using Governance.Accounts.Jobs;
using Governance.Platform.Scheduling;
using Governance.Accounts.Identity;
using Governance.Platform;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Accounts;

/// <summary>Accounts: staff identity, municipalities and assignments (and, later, social media accounts).</summary>
public static class AccountsModule
{
    /// <summary>Picks the cookie for pages and bearer-or-cookie for the API.</summary>
    private const string SmartScheme = "Governance";

    /// <summary>AddIdentityApiEndpoints' composite scheme (bearer token, else cookie); its constant is internal.</summary>
    private const string BearerOrCookieScheme = "Identity.BearerAndApplication";

    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        services.AddModuleDatabase<AccountsDbContext>("Accounts", AccountsDbContext.Prefix);
        services.AddScoped<IMunicipalityDirectory, MunicipalityDirectory>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<IAccountRegistry, AccountRegistry>();
        services.AddScoped<AccountRegistryService>();
        services.AddScoped<IIntegrationEventHandler<CampaignAccountDeclared>, RegisterCampaignAccount>();
        services.AddScoped<IIntegrationEventHandler<Complaints.Contracts.AppealRestored>, Features.Moderation.EndBlockOnRestoredAppeal>();
        services.AddScoped<ModerationService>();
        services.AddScoped<BlockReviewReminders>();
        services.AddScoped<BlockReview>();
        services.AddScoped<MunicipalitySettings>();
        services.AddRecurringJob<SendBlockReviewRemindersJob>(SendBlockReviewRemindersJob.Id, "*/15 * * * *");
        services.AddScoped<DemoSeeder>();

        services.AddIdentityApiEndpoints<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        services.AddSingleton<IEmailSender<StaffUser>, OutboxEmailSender>();
        services.AddScoped<StaffSessions>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<AccountChanges>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<ChangeRoles>();
        services.AddScoped<ISecurityEvents, SecurityEvents>();
        services.AddScoped<ISessionCheck>(sp => sp.GetRequiredService<StaffSessions>());
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = AuthEndpoints.AccessTokenLifetime;
            o.RefreshTokenExpiration = StaffSession.AbsoluteLimit;
        });
        // Identity re-reads the user every 30 minutes; keep the session's own claims when it does.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            var kept = context.CurrentPrincipal?.Claims.Where(c => c.Type is StaffSessions.SessionClaim or StaffSessions.MethodClaim
                or StaffSessions.GenerationClaim).ToList() ?? [];
            ((System.Security.Claims.ClaimsIdentity?)context.NewPrincipal?.Identity)?.AddClaims(kept.Select(c => c.Clone()));
            return Task.CompletedTask;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie for pages; for the API, bearer, or the cookie for reads only", o =>
                o.ForwardDefaultSelector = ctx => !ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.ApplicationScheme
                    // Pages link to API downloads, so reads accept the cookie; a change through the API needs a bearer
                    // token, which a cross-site form cannot send (no antiforgery token needed).
                    : HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) ? BearerOrCookieScheme
                    : IdentityConstants.BearerScheme);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = RefusedRequests.AccessDeniedPath;
            o.Cookie.Name = "governance.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // The server-side session decides idle and absolute limits (StaffSession); the cookie lasts no longer.
            o.SlidingExpiration = false;
            o.ExpireTimeSpan = StaffSession.AbsoluteLimit;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<PublicAddress>((o, address) =>
        {
            o.Cookie.SecurePolicy = address.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // __Host-: only this host over https may set it, so a neighbouring subdomain cannot plant one (ASVS 3.4.4).
            o.Cookie.Name = address.IsHttps ? "__Host-governance.auth" : "governance.auth";
        });
        // Reset and e-mail-change links work for an hour, as their pages say.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.AddAuthorization(StaffPolicies.Add);
        return services;
    }

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Our own sign-in endpoints, not MapIdentityApi: it maps self-registration, and staff accounts are made by an Administrator.
        AuthEndpoints.Map(endpoints);
        SecurityEventList.Map(endpoints);

        var api = endpoints.MapGroup("/api");
        MunicipalityEndpoints.Map(api);
        CreateStaff.Map(api);
        ChangeRoles.Map(api);
        RegistryEndpoints.Map(endpoints);
        ModerationEndpoints.Map(endpoints);
        TransparencyEndpoints.Map(endpoints);
        BlockReview.Map(endpoints);
        MunicipalitySettings.Map(endpoints);
        return endpoints;
    }

    /// <summary>Seeds Demo Township and one user per role; returns the demo logins to print.</summary>
    public static async Task<IReadOnlyList<(string Email, string Role)>> SeedDemoAsync(IServiceProvider services,
        string password, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(password, cancellationToken);
        return DemoSeeder.Users.Select(u => (u.Email, u.Role)).ToList();
    }

    /// <summary>Creates the staff roles if missing (every installation needs them).</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
    }

    public static Guid DemoMunicipalityId => DemoSeeder.DemoMunicipalityId;

    internal static Task SignOutAsync(HttpContext context) => context.SignOutAsync(IdentityConstants.ApplicationScheme);
}
