using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Governance.Platform.Files;

public sealed record StoredEvidence(string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// R6 evidence files: PNG, JPEG, WebP or PDF, recognised by their first bytes (never by name), up to a size
/// limit, stored once under their SHA-256 and made read-only. A stored file is never altered.
/// </summary>
public sealed class EvidenceStore(StoragePaths paths)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public string Folder => paths.Resolve("evidence");

    /// <summary>Checks a file; null if acceptable, else the reason in plain words.</summary>
    public static string? Check(string fileName, long length, ReadOnlySpan<byte> head)
    {
        if (length == 0)
        {
            return $"{SafeName(fileName)} is empty.";
        }

        if (length > MaxBytes)
        {
            return $"{SafeName(fileName)} is larger than {MaxBytes / (1024 * 1024)} MB.";
        }

        return Sniff(head) is null ? $"{SafeName(fileName)} is not a PNG, JPEG, WebP or PDF file." : null;
    }

    /// <summary>Checks a set of uploads before anything is stored: the count, then each file's size and type.</summary>
    public static async Task<string?> CheckAllAsync(IReadOnlyList<UploadedFile> files, int maxFiles, CancellationToken ct)
    {
        if (files.Count > maxFiles)
        {
            return $"Attach at most {maxFiles} files.";
        }

        foreach (var file in files)
        {
            await using var stream = file.Open();
            var head = new byte[16];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            if (Check(file.FileName, file.Length, head.AsSpan(0, read)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    public async Task<StoredEvidence> SaveAsync(string fileName, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var temp = Path.Combine(Folder, $".upload-{Guid.NewGuid():N}");
        await using (var file = File.Create(temp))
        {
            await content.CopyToAsync(file, ct);
        }

        byte[] hash;
        byte[] head = new byte[16];
        long size;
        await using (var file = File.OpenRead(temp))
        {
            size = file.Length;
            _ = await file.ReadAsync(head, ct);
            file.Position = 0;
            hash = await SHA256.HashDataAsync(file, ct);
        }

        var problem = Check(fileName, size, head);
        if (problem is not null)
        {
            File.Delete(temp);
            throw new InvalidDataException(problem);
        }

        var sha = Convert.ToHexStringLower(hash);
        var target = PathOf(sha);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temp); // same content already kept
        }
        else
        {
            File.Move(temp, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead); // never altered, and no one else's to read
            }
        }

        var contentType = Sniff(head)!;
        return new StoredEvidence(DownloadName(fileName, contentType), contentType, size, sha);
    }

    public string PathOf(string sha256) => Path.Combine(Folder, sha256[..2], sha256);

    /// <summary>The content type a file's first bytes show, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return head.StartsWith("%PDF-"u8) ? "application/pdf" : null;
    }

    /// <summary>
    /// Serves a stored file for download, named for what it is (<see cref="DownloadName"/>): every module's evidence
    /// download goes through here.
    /// </summary>
    public IResult Download(string sha256, string contentType, string? fileName)
        => TypedResults.PhysicalFile(PathOf(sha256), contentType, DownloadName(fileName ?? "", contentType));

    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        ["image/png"] = [".png"], ["image/jpeg"] = [".jpg", ".jpeg"], ["image/webp"] = [".webp"], ["application/pdf"] = [".pdf"],
    };

    /// <summary>
    /// A safe name whose extension is the one its content shows: "report.pdf.html" holding a PDF is served as
    /// "report.pdf", so no browser or desktop opens evidence as something it is not.
    /// </summary>
    public static string DownloadName(string fileName, string contentType)
    {
        var name = SafeName(fileName);
        if (!Extensions.TryGetValue(contentType, out var extensions)
            || extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return name;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        return extensions.Contains(Path.GetExtension(stem), StringComparer.OrdinalIgnoreCase)
            ? stem
            : $"{(stem.Length == 0 ? "evidence" : stem)}{extensions[0]}";
    }

    /// <summary>
    /// The file's own name without any folder part, control characters or bidirectional controls (which make
    /// "fdp.exe" look like "exe.pdf"), at most 200 characters.
    /// </summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && !Web.InputText.IsBidiControl(c)).ToArray()).Trim();
        if (name.Length == 0 || name is "." or "..")
        {
            name = "evidence";
        }

        return name.Length > 200 ? name[..200] : name;
    }
}
