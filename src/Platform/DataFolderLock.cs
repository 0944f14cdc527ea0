namespace Governance.Platform;

/// <summary>
/// Says whether a data folder is in use. A running host holds a shared lock on <c>host.lock</c> and a restore an
/// exclusive one, so a restore never replaces files under a running host and a host never starts during a restore.
/// The lock is the operating system's (flock on Linux), so it goes away with the process even after a crash.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "host.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another process holds a conflicting one.</summary>
    public static DataFolderLock? TryAcquire(StoragePaths paths, bool exclusive)
    {
        Directory.CreateDirectory(paths.DataFolder);
        try
        {
            // .NET maps FileShare.None to an exclusive and any other share mode to a shared lock.
            return new DataFolderLock(new FileStream(paths.Resolve(FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                exclusive ? FileShare.None : FileShare.ReadWrite));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
