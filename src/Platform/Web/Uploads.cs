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
