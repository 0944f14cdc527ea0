using System.Text;
using Governance.Platform.Files;

namespace Governance.Platform.Tests;

public sealed class EvidenceTests
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    public void R6_accepted_types_are_recognised_by_content(byte[] head, string type)
        => Assert.Equal(type, EvidenceStore.Sniff(head));

    [Fact]
    public void R6_a_renamed_executable_is_not_a_screenshot()
    {
        var exe = "MZ\u0090\0\u0003\0\0\0"u8.ToArray();
        Assert.Null(EvidenceStore.Sniff(exe));
        Assert.Contains("not a PNG, JPEG, WebP or PDF", EvidenceStore.Check("screenshot.png", 1000, exe), StringComparison.Ordinal);
        Assert.NotNull(EvidenceStore.Check("page.svg", 100, Encoding.UTF8.GetBytes("<svg onload=alert(1)>")));
    }

    [Fact]
    public void R6_oversize_and_empty_files_are_refused()
    {
        Assert.Contains("larger than 10 MB", EvidenceStore.Check("big.png", EvidenceStore.MaxBytes + 1, Png), StringComparison.Ordinal);
        Assert.Contains("empty", EvidenceStore.Check("empty.png", 0, []), StringComparison.Ordinal);
        Assert.Null(EvidenceStore.Check("ok.png", EvidenceStore.MaxBytes, Png));
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("..\\..\\windows\\evil.png", "evil.png")]
    [InlineData("/abs/path/shot.png", "shot.png")]
    [InlineData("..", "evidence")]
    [InlineData("a\u0000b\u001f.png", "ab.png")]
    public void R6_path_tricks_in_file_names_are_removed(string given, string kept)
        => Assert.Equal(kept, EvidenceStore.SafeName(given));

    [Theory]
    [InlineData("report.pdf.html", "application/pdf", "report.pdf")]
    [InlineData("report.html", "application/pdf", "report.pdf")]
    [InlineData("photo.JPG", "image/jpeg", "photo.JPG")]
    [InlineData("photo.jpeg", "image/jpeg", "photo.jpeg")]
    [InlineData("shot", "image/png", "shot.png")]
    [InlineData("invoice\u202Efdp.exe", "image/png", "invoicefdp.png")]
    [InlineData("\u2066a\u2069\u200Eb\u200F\u202A\u202B\u202C\u202Dc.webp", "image/webp", "abc.webp")]
    [InlineData("a\r\nb.png", "image/png", "ab.png")]
    [InlineData("\u202E", "application/pdf", "evidence.pdf")]
    public void R6_a_download_is_named_for_its_content_without_direction_tricks(string stored, string contentType, string served)
        => Assert.Equal(served, EvidenceStore.DownloadName(stored, contentType));

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task R6_files_are_stored_once_by_hash_and_made_read_only()
    {
        var folder = Directory.CreateTempSubdirectory("governance-evidence-").FullName;
        try
        {
            var store = new EvidenceStore(new StoragePaths(folder));
            var first = await store.SaveAsync("shot.png", new MemoryStream(Png), CancellationToken.None);
            var again = await store.SaveAsync("copy.png", new MemoryStream(Png), CancellationToken.None);

            Assert.Equal(first.Sha256, again.Sha256);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)), first.Sha256);
            Assert.Equal(("image/png", Png.Length), (first.ContentType, (int)first.Size));
            Assert.Equal(Png, await File.ReadAllBytesAsync(store.PathOf(first.Sha256)));
            Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(store.PathOf(first.Sha256)));
            await Assert.ThrowsAsync<InvalidDataException>(() =>
                store.SaveAsync("fake.png", new MemoryStream("MZ not an image"u8.ToArray()), CancellationToken.None));
            Assert.Single(Directory.GetFiles(store.Folder, "*", SearchOption.AllDirectories));
        }
        finally
        {
            Governance.Testing.TestFolders.TryDelete(folder);
        }
    }
}
