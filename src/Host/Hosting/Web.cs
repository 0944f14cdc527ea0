using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Governance.Platform;
using Governance.Platform.Data;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Host.Hosting;

/// <summary>Pages, API errors as ProblemDetails, OpenAPI, health checks, and the request pipeline.</summary>
internal static class Web
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // The keys that protect sign-in cookies and tokens are in the database (AddPlatform), shared by every host.
        services.AddRazorPages();
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

        // Behind a TLS proxy: the client's address and scheme come from X-Forwarded-For/-Proto, trusted only from
        // the proxies named in App:KnownProxies (and loopback), so rate limits and Secure cookies see the real client.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["App:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        // Only the public host name (and loopback, for a local proxy's health probes) is answered unless AllowedHosts
        // says otherwise, so a forged Host header gets 400. Links never follow the Host header in any case.
        services.AddOptions<HostFilteringOptions>().Configure<PublicAddress>((o, address) =>
        {
            if (string.IsNullOrEmpty(configuration["AllowedHosts"]) && address.Host is { } host)
            {
                o.AllowedHosts = [host, "localhost", "127.0.0.1", "[::1]"];
            }
        });
        services.AddOptions<AntiforgeryOptions>().Configure<PublicAddress>((o, address) =>
            o.Cookie.SecurePolicy = address.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddRateLimiter(o =>
        {
            // Per client address (the real one, after the proxy's headers): residents send a few forms an hour, bots
            // thousands. Only sending counts: reading a form is free, so a shared address is never locked out of reading.
            o.AddPolicy(RateLimits.PublicForms, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("(reading)")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress.LimitKey(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = PublicFormsPerHour(context), Window = TimeSpan.FromHours(1) }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
                var refusal = new FormRefusal(PublicFormsPerHour(http), wait);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (!IsApi(http.Request.Path) && http.GetEndpoint()?.Metadata.GetMetadata<ShowsFormRefusalAttribute>() is null)
                {
                    return; // a page without its own refusal: the status page explains it, in HTML
                }

                // A browser's form comes back as its page with the reason (the page saves nothing); the API gets ProblemDetails.
                if (http.GetEndpoint() is { RequestDelegate: { } page } endpoint && endpoint.Metadata.GetMetadata<ShowsFormRefusalAttribute>() is not null)
                {
                    http.Features.Set(refusal);
                    await page(http);
                    return;
                }

                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Title = "Too many submissions", Detail = refusal.Explanation },
                });
            };
        });
        services.AddProblemDetails();
        // Unreadable requests throw (in every environment, as in Development) so BadRequests can say what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequests>();
        services.AddOpenApi(ApiDocument.Configure);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    private static int PublicFormsPerHour(HttpContext context)
        => context.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:PublicFormsPerHour", 20);

    public static WebApplication UseWeb(this WebApplication app)
    {
        var production = app.Environment.IsProduction();

        app.UseForwardedHeaders();
        // Machines get ProblemDetails; people get a page in plain words with a way forward, the status kept.
        app.UseWhen(context => IsApi(context.Request.Path), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request.Path), pages => pages
            .UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = StatusPage,
                StatusCodeSelector = e => e is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            })
            .UseStatusCodePagesWithReExecute(StatusPage));
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
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        // Everything past the static files may carry personal data: never kept by a browser or proxy cache.
        app.Use(async (context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            await next();
        });
        app.UseRouting();
        app.Use(ApiBodyLimit.RefuseOversizeBodies);
        app.UseAuthentication();
        app.Use(OpenSessions.RequireAsync);
        app.Use(RefusedRequests.RecordAsync);
        app.Use(TenantClaims.GrantFromClaims);
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            // In Production the answer is only the status: what is unhealthy, and why, is for the logs.
            ResponseWriter = production ? WriteStatusAsync : WriteHealthAsync,
        }).AllowAnonymous();
        if (app.Configuration.GetValue("App:ServeOpenApi", !production))
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        }

        app.MapRazorPages();
        return app;
    }

    private const string StatusPage = "/status";

    /// <summary>Paths answered to programs (JSON, the jobs dashboard, health probes), not to people reading pages.</summary>
    public static bool IsApi(PathString path)
        => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/jobs")
            || path.StartsWithSegments("/health");

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
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
