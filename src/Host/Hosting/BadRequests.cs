using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Governance.Host.Hosting;

/// <summary>
/// A request the framework cannot read (a body that is not the JSON expected, a value that does not parse, a body
/// over the size limit) gets its own 4xx as ProblemDetails saying what was wrong, in every environment; unhandled,
/// Development turned it into a 500.
/// </summary>
internal sealed class BadRequests(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // On a page, the status page says it in words (Web.UseWeb re-executes to it with this status).
        if (exception is not BadHttpRequestException bad || !Web.IsApi(httpContext.Request.Path))
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.",
                Detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message,
            },
        });
        return true;
    }
}

/// <summary>
/// API bodies are small JSON unless an endpoint says otherwise (uploads carry a <c>RequestSizeLimit</c>): a bigger
/// body is refused with 413 before anything reads it, instead of being parsed up to the server's 30 MB default.
/// </summary>
internal static class ApiBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;

    public static async Task RefuseOversizeBodies(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request is too large.",
                        Detail = $"Send at most {limit / 1024:N0} KB here.",
                    },
                });
                return;
            }

            // Bodies sent without a length (chunked) are cut off by the server at the same limit.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
        }

        await next();
    }
}
