using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Platform.Data;

/// <summary>
/// Brings the key files older versions kept in <c>&lt;data&gt;/keys/*.xml</c> (keys and any revocations) into the
/// database, once: a key already there (by its id) is skipped, as is a revocation already there word for word. The
/// files are then moved to <c>&lt;data&gt;/keys-imported-{time}</c>, out of the keys folder (which still holds the audit
/// key) and out of backups; delete them once the app is checked.
/// </summary>
public sealed class DataProtectionKeyImport(IServiceScopeFactory scopes, StoragePaths paths, TimeProvider clock,
    ILogger<DataProtectionKeyImport> logger)
{
    public const string KeysFolder = "keys";

    /// <summary>Imports the key files found; returns how many keys were new to the database.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var folder = paths.Resolve(KeysFolder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>();
        var known = (await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(cancellationToken))
            .Select(Identity).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        var read = new List<string>();
        foreach (var file in files)
        {
            XElement element;
            try
            {
                element = XElement.Load(file);
            }
            catch (XmlException ex)
            {
                logger.LogWarning(ex, "Data-protection key file {File} could not be read; left where it is", file);
                continue;
            }

            read.Add(file);
            if (known.Add(Identity(element)))
            {
                // As the key store itself writes an element: the file's name and the element on one line.
                db.DataProtectionKeys.Add(new DataProtectionKey
                {
                    FriendlyName = Path.GetFileNameWithoutExtension(file),
                    Xml = element.ToString(SaveOptions.DisableFormatting),
                });
                imported++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // Only once the keys are committed; if this move fails, the next start skips them by id.
        var aside = paths.Resolve($"keys-imported-{clock.GetUtcNow():yyyyMMdd-HHmmss}Z");
        Directory.CreateDirectory(aside);
        foreach (var file in read)
        {
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)), overwrite: true);
        }

        logger.LogInformation("Imported {Imported} data-protection key(s) from {Folder} into the database ({Known} were there already); the files are now in {Aside}",
            imported, folder, read.Count - imported, aside);
        return imported;
    }

    private static string? Identity(string? xml)
    {
        try
        {
            return xml is null ? null : Identity(XElement.Parse(xml));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>A key by its id (however its XML is laid out); anything else by its text.</summary>
    private static string Identity(XElement element)
        => element.Name.LocalName == "key" && Guid.TryParse((string?)element.Attribute("id"), out var id)
            ? $"key {id:D}"
            : element.ToString(SaveOptions.DisableFormatting);
}
