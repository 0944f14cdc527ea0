namespace Governance.Platform;

/// <summary>The data folder (setting <c>Storage:DataFolder</c>) where the SQLite database, mail and files live.</summary>
public sealed class StoragePaths(string dataFolder)
{
    public string DataFolder { get; } = Path.GetFullPath(dataFolder);

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(DataFolder, path);
}
