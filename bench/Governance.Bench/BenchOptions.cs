using System.Globalization;

namespace Governance.Bench;

internal enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>The command line: <c>--cases 100k --provider sqlite|postgres [--out bench/results] [--seconds 10] ...</c>.</summary>
internal sealed record BenchOptions
{
    public int Cases { get; init; } = 10_000;

    public Provider Provider { get; init; } = Provider.Sqlite;

    public string? OutFolder { get; init; }

    /// <summary>Municipalities the cases are spread over (one Integrity Commissioner serves them all).</summary>
    public int Municipalities { get; init; } = 24;

    /// <summary>Measured seconds per scenario, after <see cref="WarmupSeconds"/> of warm-up.</summary>
    public double Seconds { get; init; } = 10;

    public double WarmupSeconds { get; init; } = 2;

    /// <summary>Concurrent clients for the public submissions and the trivial endpoint.</summary>
    public int[] PublicConcurrency { get; init; } = [1, 8, 32];

    /// <summary>Concurrent clients for the staff endpoints.</summary>
    public int[] StaffConcurrency { get; init; } = [1, 8];

    /// <summary>Keep the temporary folder (database, host logs) for inspection.</summary>
    public bool Keep { get; init; }

    public string WorkRoot { get; init; } = Path.GetTempPath();

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Governance.Bench -- [options]
          --cases N            cases to seed: 10000, 10k, 100k, 1M (default 10k)
          --provider P         sqlite (default) or postgres (a throwaway cluster is started)
          --out FOLDER         where bench-<provider>-<N>.md/.json go (default bench/results)
          --municipalities M   municipalities the cases are spread over (default 24)
          --seconds S          measured seconds per scenario (default 10), after --warmup S (default 2)
          --public-clients L   concurrency levels for public submissions and the ceiling (default 1,8,32)
          --staff-clients L    concurrency levels for staff endpoints (default 1,8)
          --work FOLDER        temporary folder root (default the system temp folder)
          --keep               keep the temporary folder (database, host logs)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--cases" => options with { Cases = ParseCount(Value()) },
                "--provider" => options with { Provider = Enum.Parse<Provider>(Value(), ignoreCase: true) },
                "--out" => options with { OutFolder = Value() },
                "--municipalities" => options with { Municipalities = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--public-clients" => options with { PublicConcurrency = ParseList(Value()) },
                "--staff-clients" => options with { StaffConcurrency = ParseList(Value()) },
                "--work" => options with { WorkRoot = Value() },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (options.Cases < 100 || options.Municipalities < 1)
        {
            throw new ArgumentException("Seed at least 100 cases in at least one municipality.");
        }

        return options;
    }

    /// <summary>10000, 10k, 100k, 1M.</summary>
    public static int ParseCount(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var multiplier = t.EndsWith('k') ? 1_000 : t.EndsWith('m') ? 1_000_000 : 1;
        return checked((int)(double.Parse(multiplier == 1 ? t : t[..^1], CultureInfo.InvariantCulture) * multiplier));
    }

    /// <summary>The short form used in file names: 10k, 100k, 1M.</summary>
    public static string Short(int count) => count switch
    {
        >= 1_000_000 when count % 1_000_000 == 0 => $"{count / 1_000_000}M",
        >= 1_000 when count % 1_000 == 0 => $"{count / 1_000}k",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };

    private static int[] ParseList(string text)
        => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
