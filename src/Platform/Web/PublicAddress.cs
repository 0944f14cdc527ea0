using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Governance.Platform.Web;

/// <summary>
/// The address residents and staff reach the service at (<c>App:PublicBaseUrl</c>), used for every link the
/// service sends or answers with. Never taken from the request's Host header, which anyone can set. Required in
/// Production; in Development, when unset, links follow the request so the demo works on any port.
/// </summary>
public sealed class PublicAddress
{
    public const string Setting = "App:PublicBaseUrl";

    private readonly Uri? _configured;

    public PublicAddress(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    $"Set {Setting} (for example https://governance.example.ca): every link in e-mail and in API answers is built from it.");
            }

            return;
        }

        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException($"{Setting} must be an absolute http(s) address without query, like https://governance.example.ca.");
        }

        if (environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{Setting} must use https in Production (sign-in cookies are sent over TLS only).");
        }

        _configured = uri;
    }

    /// <summary>The configured host name, for the allowed hosts; null when links follow the request (Development only).</summary>
    public string? Host => _configured?.Host;

    /// <summary>Whether the public address is https, so cookies are marked Secure.</summary>
    public bool IsHttps => _configured?.Scheme == Uri.UriSchemeHttps;

    /// <summary>The base of absolute links for this request's host (the configured address, whatever the request says).</summary>
    public static string Of(HttpRequest request)
        => request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().BaseUrl(request);

    /// <summary>The base of links written outside a request (a scheduled job); empty when links follow the request (Development).</summary>
    public string Configured => _configured?.AbsoluteUri.TrimEnd('/') ?? "";

    /// <summary>The base of every absolute link, without a trailing slash.</summary>
    public string BaseUrl(HttpRequest request)
        => _configured?.AbsoluteUri.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
