using System.Globalization;
using System.Text.Json;

namespace Governance.Platform.Audit;

/// <summary>
/// A signed statement that a module's chain reached <see cref="Sequence"/> with <see cref="Hash"/> at <see cref="At"/>,
/// sealed under <see cref="Scheme"/>. Kept outside the database, so cutting off the newest entries shows.
/// </summary>
public sealed record AuditCheckpoint(string Module, long Sequence, string Hash, DateTimeOffset At, string Scheme, string Signature)
{
    internal string Signed => string.Join('\u001f', "anchor", Module, Sequence.ToString(CultureInfo.InvariantCulture), Hash,
        At.UtcTicks.ToString(CultureInfo.InvariantCulture), Scheme);
}

/// <summary>The anchor file's content: each module's newest checkpoint, and the sequences last sent by e-mail.</summary>
public sealed record AuditAnchorState(IReadOnlyDictionary<string, AuditCheckpoint> Checkpoints, IReadOnlyDictionary<string, long> Mailed)
{
    public static readonly AuditAnchorState Empty = new(new Dictionary<string, AuditCheckpoint>(), new Dictionary<string, long>());
}

/// <summary>
/// The anchor file (<see cref="FileName"/> in the data folder): only ever moves forward. Hosts sharing the folder take
/// turns through a lock file, re-read it and keep the higher sequence; it is replaced whole (temp file, then rename).
/// </summary>
public sealed class AuditAnchor(AuditKey key, StoragePaths paths, TimeProvider clock)
{
    public const string FileName = "audit-anchor.json";

    /// <summary>How entries and anchors are sealed: a forger cannot sign an anchor that names the old, unkeyed scheme.</summary>
    public const string Scheme = "hmac-sha256";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _gate = new();

    public string FilePath => paths.Resolve(FileName);

    public AuditCheckpoint Sign(string module, long sequence, string hash)
    {
        var unsigned = new AuditCheckpoint(module, sequence, hash, clock.GetUtcNow(), Scheme, "");
        return unsigned with { Signature = key.Sign(unsigned.Signed) };
    }

    public bool IsGenuine(AuditCheckpoint checkpoint)
        => checkpoint.Scheme == Scheme && key.Exists && key.Sign(checkpoint.Signed) == checkpoint.Signature;

    /// <summary>The file's content; empty when there is none. Throws <see cref="InvalidDataException"/> when it is unreadable.</summary>
    public AuditAnchorState Read()
    {
        if (!File.Exists(FilePath))
        {
            return AuditAnchorState.Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<AuditAnchorState>(File.ReadAllText(FilePath), Json) is { Checkpoints: not null, Mailed: not null } state
                ? state
                : throw new InvalidDataException($"{FilePath} is not an audit anchor file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{FilePath} is not an audit anchor file: {ex.Message}");
        }
    }

    /// <summary>Records checkpoints, each only if it is ahead of the one on file for its module.</summary>
    public void Advance(IEnumerable<AuditCheckpoint> checkpoints) => Update(state =>
    {
        var kept = new Dictionary<string, AuditCheckpoint>(state.Checkpoints);
        foreach (var checkpoint in checkpoints)
        {
            if (!kept.TryGetValue(checkpoint.Module, out var known) || checkpoint.Sequence > known.Sequence)
            {
                kept[checkpoint.Module] = checkpoint;
            }
        }

        return state with { Checkpoints = kept };
    });

    /// <summary>Notes which sequences a checkpoint e-mail carried, so the next one goes only when a head moved.</summary>
    public void MarkMailed(IReadOnlyDictionary<string, long> sequences) => Update(state =>
    {
        var mailed = new Dictionary<string, long>(state.Mailed);
        foreach (var (module, sequence) in sequences)
        {
            mailed[module] = Math.Max(sequence, mailed.GetValueOrDefault(module));
        }

        return state with { Mailed = mailed };
    });

    private void Update(Func<AuditAnchorState, AuditAnchorState> change)
    {
        lock (_gate)
        {
            using var turn = TakeTurn();
            var next = change(Read());
            var temp = $"{FilePath}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(next, Json));
            // rename(2) replaces the file whole: a reader sees the old anchor or the new one, never half of one.
            File.Move(temp, FilePath, overwrite: true);
        }
    }

    /// <summary>An exclusive lock (flock) on a file beside the anchor, taken by one process at a time.</summary>
    private FileStream TakeTurn()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 1000)
            {
                Thread.Sleep(5); // another host is writing its checkpoint: a few milliseconds
            }
        }
    }
}
