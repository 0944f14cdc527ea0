using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Governance.Platform.Audit;

/// <summary>
/// The secret that seals audit entries and anchors (<see cref="AuditOptions.KeyFile"/>): 32 random bytes, base64,
/// created owner-only on first use. Whoever can read it can re-seal a rewritten chain, so it never enters the database.
/// </summary>
public sealed class AuditKey(IOptions<AuditOptions> options, StoragePaths paths)
{
    private readonly Lock _gate = new();
    private byte[]? _key;

    public string FilePath => paths.Resolve(options.Value.KeyFile);

    /// <summary>Whether the key exists; verifying never creates one, since a new key would disown every entry.</summary>
    public bool Exists => _key is not null || File.Exists(FilePath);

    /// <summary>HMAC-SHA256 of <paramref name="text"/> under the key, lowercase hex; creates the key if there is none yet.</summary>
    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(text)));

    private byte[] Key()
    {
        lock (_gate)
        {
            return _key ??= File.Exists(FilePath) ? Read() : Create();
        }
    }

    private byte[] Read()
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(FilePath).Trim());
            return key.Length >= 32 ? key : throw new InvalidOperationException($"The audit key {FilePath} is shorter than 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit key {FilePath} is not base64 text.");
        }
    }

    private byte[] Create()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temp = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, Encoding.ASCII, create))
        {
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        try
        {
            // Never overwrites: two hosts starting together on a shared folder end up with the first one's key.
            File.Move(temp, FilePath, overwrite: false);
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            File.Delete(temp);
        }

        return Read();
    }
}
