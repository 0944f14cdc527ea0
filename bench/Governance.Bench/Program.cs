using Governance.Bench;

// The benchmark command: see BenchOptions.Usage and the README's "Benchmark" section.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var repoRoot = RepoRoot();
void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
Log($"{options.Provider}, {options.Cases:N0} cases, {options.Municipalities} municipalities, {options.Seconds} s per scenario");
var report = await new Bench(options, repoRoot, Log).RunAsync();
var (markdown, json) = await ScenarioReport.WriteAsync(report,
    Path.GetFullPath(options.OutFolder ?? Path.Combine(repoRoot, "bench", "results")));
Console.WriteLine();
Console.Write(ScenarioReport.Table(report.Scenarios));
Console.WriteLine();
Console.WriteLine($"seed {report.SeedSeconds:0.0} s, start-up {report.StartUpSeconds:0.00} s, peak memory {report.PeakMemoryBytes / 1048576.0:0} MiB");
Console.WriteLine($"written: {markdown}");
Console.WriteLine($"         {json}");
return 0;

// The folder holding Governance.sln, found from the build output.
static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from the repository (Governance.sln not found above the build output).");
}
