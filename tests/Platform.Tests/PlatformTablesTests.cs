using Governance.Platform.Data;

namespace Governance.Platform.Tests;

public sealed class PlatformTablesTests
{
    [Fact]
    public void A_modules_first_migration_gets_the_audit_and_outbox_tables_with_its_prefix()
    {
        var sql = PlatformTables.Expand("-- Policies\n-- @include platform_tables\n", "policies", DatabaseProvider.Sqlite);
        Assert.Contains("CREATE TABLE \"policies_audit_entries\"", sql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"policies_outbox_messages\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("{prefix}", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("workflow", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accounts", "IX_accounts_outbox_messages_ProcessedAt_DeadLetteredAt_Availab~")]
    [InlineData("complaints", "IX_complaints_outbox_messages_ProcessedAt_DeadLetteredAt_Avail~")]
    public void PostgreSQL_names_are_cut_to_63_characters_as_EF_Core_cuts_them(string prefix, string index)
    {
        var sql = PlatformTables.Expand("-- @include platform_tables\n-- @include workflow_tables\n", prefix, DatabaseProvider.Postgres);
        Assert.Contains($"\"{index}\"", sql, StringComparison.Ordinal);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(sql, "\"([^\"]+)\"").Select(m => m.Groups[1].Value), name => Assert.True(name.Length <= 63, name));
    }

    [Fact]
    public void An_unknown_include_fails_loudly()
        => Assert.Throws<InvalidOperationException>(() => PlatformTables.Expand("-- @include nothing_like_it\n", "x", DatabaseProvider.Sqlite));
}
