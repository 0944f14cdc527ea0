using System.Text.Json;
using Governance.Platform;
using Governance.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Governance.Platform.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Host.Hosting;

/// <summary>Pages, API errors as ProblemDetails, OpenAPI, health checks, and the request pipeline.</summary>
internal static class Web
{
    public static IServiceCollection AddWeb(this IServiceCollection services, StoragePaths paths)
    {
        // Keys that protect sign-in cookies and tokens survive restarts (kept in the data folder).
        services.AddDataProtection().SetApplicationName("Governance")
            .PersistKeysToFileSystem(new DirectoryInfo(paths.Resolve("keys")));
        services.AddRazorPages();
        services.AddRateLimiter(o =>
        {
            // Per address: residents file a few forms an hour, bots thousands.
            o.AddPolicy(RateLimits.PublicForms, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:PublicFormsPerHour", 20),
                    Window = TimeSpan.FromHours(1),
                }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many submissions", Detail = "Please wait an hour before sending another form from this address." },
                });
            };
        });
        services.AddProblemDetails();
        // Unreadable requests throw (in every environment, as in Development) so BadRequests can say what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequests>();
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(ApiBodyLimit.RefuseOversizeBodies);
        app.UseAuthentication();
        app.Use(TenantClaims.GrantFromClaims);
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthAsync,
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}
