using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Governance.Bench;

internal sealed record MachineInfo(int Cores, string Cpu, long MemoryBytes, string Os, string Kernel, string DotnetSdk, string Runtime,
    string LoadAverageAtStart)
{
    public static MachineInfo Read()
    {
        static string Field(string file, string key) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(key, 2)[1].Trim(' ', ':', '\t', '"') ?? ""
            : "";

        var memory = Field("/proc/meminfo", "MemTotal").Split(' ')[0];
        return new MachineInfo(Environment.ProcessorCount, Field("/proc/cpuinfo", "model name"),
            long.TryParse(memory, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0,
            Field("/etc/os-release", "PRETTY_NAME="), RuntimeInformation.OSDescription, SdkVersion(),
            RuntimeInformation.FrameworkDescription, LoadAverage());
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine shows here.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string SdkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}

internal sealed record BenchReport(DateTimeOffset Started, string Command, string Provider, string ProviderVersion, int Cases,
    int Municipalities, MachineInfo Machine, string LoadAverageAtEnd, double MigrateSeconds, double FirstStartSeconds, double SeedSeconds,
    IReadOnlyDictionary<string, long> SeededRows, int OpenCases, long DatabaseBytes, double StartUpSeconds, long StartUpRssBytes,
    long PeakMemoryBytes, string AuditAfterSeed, double AuditVerifySeconds, string AuditAfterBench, IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<string> Notes);

/// <summary>Ratios to the ceiling, and the report as Markdown and JSON.</summary>
internal static class ScenarioReport
{
    /// <summary>Each figure against the trivial endpoint at the same concurrency (or the nearest measured).</summary>
    public static void ApplyRatios(IReadOnlyList<ScenarioResult> scenarios)
    {
        var ceiling = scenarios.Where(s => s.Group == "ceiling").ToList();
        foreach (var s in scenarios)
        {
            var trivial = ceiling.OrderBy(c => Math.Abs(c.Concurrency - s.Concurrency)).FirstOrDefault();
            if (trivial is null || trivial.RequestsPerSecond == 0 || trivial.P50Ms == 0)
            {
                continue;
            }

            s.ThroughputRatio = s.RequestsPerSecond / trivial.RequestsPerSecond;
            s.LatencyRatio = s.P50Ms / trivial.P50Ms;
        }
    }

    public static async Task<(string Markdown, string Json)> WriteAsync(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = $"bench-{report.Provider}-{BenchOptions.Short(report.Cases)}";
        var markdown = Path.Combine(folder, name + ".md");
        var json = Path.Combine(folder, name + ".json");
        await File.WriteAllTextAsync(markdown, Markdown(report));
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        return (markdown, json);
    }

    public static string Table(IReadOnlyList<ScenarioResult> scenarios)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | request | clients | requests | errors | req/s | × trivial req/s | p50 ms | p95 ms | p99 ms | p50 × trivial |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var s in scenarios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | `{s.Request}` | {s.Concurrency} | {s.Requests:N0} | {s.Errors:N0} | "
                + $"{s.RequestsPerSecond:N1} | {Ratio(s.ThroughputRatio)} | {s.P50Ms:N1} | {s.P95Ms:N1} | {s.P99Ms:N1} | {Ratio(s.LatencyRatio)} |");
        }

        return text.ToString();
    }

    private static string Markdown(BenchReport r)
    {
        var m = r.Machine;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark: {r.Provider}, {r.Cases:N0} cases");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {r.Started:yyyy-MM-dd HH:mm} UTC: `{r.Command}`");
        text.AppendLine();
        text.AppendLine("| | |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| machine | {m.Cores} cores ({m.Cpu}), {m.MemoryBytes / 1073741824.0:0.0} GiB RAM, {m.Os} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| .NET | SDK {m.DotnetSdk}, {m.Runtime} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| load average at start / end | {m.LoadAverageAtStart} / {r.LoadAverageAtEnd} (1, 5, 15 min; other work on a shared machine shows here) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| database | {r.ProviderVersion}, {r.DatabaseBytes / 1048576.0:N0} MiB after the seed |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| data | {r.Cases:N0} cases ({r.OpenCases:N0} open) in {r.Municipalities} municipalities, {r.SeededRows.Values.Sum():N0} rows seeded |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| seed time | {r.SeedSeconds:N1} s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| first start (migrations, demo seed, empty database) | {r.FirstStartSeconds:N2} s (migrate alone: {r.MigrateSeconds:N2} s) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| start-up with the seeded database (process start to /health/ready 200) | {r.StartUpSeconds:N2} s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| host memory: RSS when ready / peak (VmHWM) | {r.StartUpRssBytes / 1048576.0:N0} MiB / {r.PeakMemoryBytes / 1048576.0:N0} MiB |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| audit chains after seed ({r.AuditVerifySeconds:N1} s to verify) | {r.AuditAfterSeed} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| audit chains after the benchmark | {r.AuditAfterBench} |");
        text.AppendLine();
        text.AppendLine("Each scenario: a fresh connection pool, warm-up, then a fixed measured period with N closed-loop clients on loopback. "
            + "Ratios compare with the trivial endpoint (`/health/live`) of the same host at the same number of clients: "
            + "`× trivial req/s` is the share of the ceiling's throughput, `p50 × trivial` how many times slower the median request is.");
        text.AppendLine();
        text.Append(Table(r.Scenarios));
        var errors = r.Scenarios.Where(s => s.FirstError is not null).ToList();
        if (errors.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("First error per scenario:");
            text.AppendLine();
            foreach (var s in errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {s.Name} (c={s.Concurrency}): {s.FirstError!.ReplaceLineEndings(" ")}");
            }
        }

        text.AppendLine();
        text.AppendLine("Rows seeded:");
        text.AppendLine();
        foreach (var (table, rows) in r.SeededRows.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{table}`: {rows:N0}");
        }

        text.AppendLine();
        text.AppendLine("Notes:");
        text.AppendLine();
        foreach (var note in r.Notes.Concat(r.Scenarios.Where(s => s.Note is not null).Select(s => $"{s.Name} (c={s.Concurrency}): {s.Note}")))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return text.ToString();
    }

    private static string Ratio(double? ratio) => ratio switch
    {
        null => "–",
        >= 10 => ratio.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 0.1 => ratio.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => ratio.Value.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}
