using Microsoft.AspNetCore.Http;

namespace Governance.Platform.Web;

/// <summary>Reading a multipart upload the same way on every endpoint that takes evidence files.</summary>
public static class Uploads
{
    /// <summary>
    /// The form, or the ProblemDetails that says why there is none: not multipart (415), cut off or over the
    /// endpoint's size limit (the server's status), or otherwise unreadable (400).
    /// </summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, string whatToSend,
        CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, TypedResults.Problem($"Send {whatToSend} as multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, TypedResults.Problem($"The upload could not be read: {ex.Message}",
                statusCode: ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest));
        }
    }
}

/// <summary>
/// Endpoint metadata for a handler that reads its body itself: <paramref name="Body"/> as JSON, or multipart/form-data
/// with that JSON in a part named <c>data</c> and up to <paramref name="MaxFiles"/> evidence files in parts named
/// <c>evidence</c>. It only describes the body in the OpenAPI document; unlike <c>Accepts</c>, routing ignores it, so the
/// handler still answers every content type itself.
/// </summary>
public sealed record JsonOrEvidenceForm(Type Body, int MaxFiles);
