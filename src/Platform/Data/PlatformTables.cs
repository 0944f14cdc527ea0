using System.Reflection;
using System.Text.RegularExpressions;

namespace Governance.Platform.Data;

/// <summary>
/// The tables every module has (audit trail and outbox; workflow tables where a module runs workflows) are written
/// once per provider in Data/Templates and included by a module's first migration with a line
/// <c>-- @include platform_tables</c>, the module's table prefix filled in. The migration keeps its number, so a
/// database that applied it before runs nothing again.
/// </summary>
public static partial class PlatformTables
{
    /// <summary>PostgreSQL's identifier limit; EF Core cuts longer names to 62 characters and "~".</summary>
    private const int PostgresNameLimit = 63;

    public static string Expand(string sql, string prefix, DatabaseProvider provider)
        => Include().Replace(sql, match =>
        {
            var expanded = Template(match.Groups[1].Value, provider).Replace("{prefix}", prefix, StringComparison.Ordinal);
            return provider == DatabaseProvider.Postgres ? QuotedName().Replace(expanded, Cut) : expanded;
        });

    private static string Cut(Match name)
        => name.Groups[1].Value.Length <= PostgresNameLimit ? name.Value : $"\"{name.Groups[1].Value[..(PostgresNameLimit - 1)]}~\"";

    private static string Template(string name, DatabaseProvider provider)
    {
        var resource = $"templates/{provider}/{name}.sql";
        using var stream = typeof(PlatformTables).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"A migration includes '{name}', but Platform has no template {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^-- @include ([a-z_]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Include();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();
}
