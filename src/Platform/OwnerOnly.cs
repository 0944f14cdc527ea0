using System.Runtime.InteropServices;

namespace Governance.Platform;

/// <summary>
/// The data folder holds personal data, keys and mail with tracking links: on Unix it is its owner's alone. New files and
/// folders are created owner-only (umask 077, for the whole process: SQLite's -wal and -shm files, pickup .eml files and
/// key files included), and whatever an older version left readable to others is tightened once at start-up.
/// </summary>
public static class OwnerOnly
{
    private const UnixFileMode GroupAndOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void Apply(StoragePaths paths)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _ = umask(0b000_111_111); // 077
        Directory.CreateDirectory(paths.DataFolder);
        var folder = new DirectoryInfo(paths.DataFolder);
        // Symbolic links are skipped: what they point to is not the data folder's to change.
        var everything = folder.EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint,
        });
        foreach (var entry in everything.Prepend(folder))
        {
            // Only group and other bits go: a read-only file (evidence, 0400) stays read-only.
            if ((entry.UnixFileMode & GroupAndOther) != 0)
            {
                try
                {
                    entry.UnixFileMode &= ~GroupAndOther;
                }
                catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
                {
                    Console.Error.WriteLine($"Could not make {entry.FullName} private to its owner: {ex.Message}");
                }
            }
        }
    }

    // DllImport, not LibraryImport: the generated stub would need unsafe code for one blittable call.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint umask(uint mask);
}
