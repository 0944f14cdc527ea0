namespace Governance.Testing;

public static class TestFolders
{
    /// <summary>
    /// Deletes a test's temporary folder. A host that just stopped may still be closing a file for a moment,
    /// so it retries briefly and then leaves the folder to the OS: cleanup must never fail a test.
    /// </summary>
    public static void TryDelete(string folder)
    {
        for (var attempt = 0; attempt < 10 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
