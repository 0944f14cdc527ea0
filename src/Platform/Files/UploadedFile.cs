using Microsoft.AspNetCore.Http;

namespace Governance.Platform.Files;

/// <summary>A file as it arrived from a form or the API, not yet checked or stored.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open)
{
    public static UploadedFile From(IFormFile file) => new(file.FileName, file.Length, file.OpenReadStream);
}
