using System.Diagnostics;
using System.Net;

namespace Governance.Bench;

internal sealed record ScenarioResult(string Group, string Name, string Request, int Concurrency, int Requests, int Errors,
    double Seconds, double RequestsPerSecond, double MeanMs, double P50Ms, double P95Ms, double P99Ms, string? Note)
{
    /// <summary>Throughput as a fraction of the trivial endpoint's at the same concurrency.</summary>
    public double? ThroughputRatio { get; set; }

    /// <summary>Median latency as a multiple of the trivial endpoint's at the same concurrency.</summary>
    public double? LatencyRatio { get; set; }

    public string? FirstError { get; set; }
}

/// <summary>
/// Closed-loop load: <c>concurrency</c> clients each send the next request when the last one answered, for a
/// warm-up and then a measured period, over a fresh connection pool per scenario.
/// </summary>
internal static class LoadRunner
{
    /// <summary>One request; returns the response (the runner reads the body and checks the status).</summary>
    public delegate Task<HttpResponseMessage> Send(HttpClient client, int sequence, CancellationToken ct);

    public static async Task<ScenarioResult> RunAsync(string group, string name, string request, int concurrency, Uri baseAddress,
        Action<HttpClient> configure, Send send, TimeSpan warmup, TimeSpan duration, int? maxRequests = null,
        HttpStatusCode expected = HttpStatusCode.OK, string? note = null)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        configure(client);
        var sequence = -1;
        string? firstError = null;

        async Task<(List<long> Ticks, int Errors)> PhaseAsync(TimeSpan length)
        {
            var stopAt = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                var ticks = new List<long>();
                var errors = 0;
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    var n = Interlocked.Increment(ref sequence);
                    if (n >= maxRequests)
                    {
                        break;
                    }

                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await send(client, n, CancellationToken.None);
                        var body = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode != expected)
                        {
                            errors++;
                            Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode}: {Shorten(body)}", null);
                        }
                    }
                    catch (HttpRequestException ex)
                    {
                        errors++;
                        Interlocked.CompareExchange(ref firstError, ex.Message, null);
                    }

                    ticks.Add(Stopwatch.GetTimestamp() - started);
                }

                return (Ticks: ticks, Errors: errors);
            })).ToList();
            var results = await Task.WhenAll(workers);
            return (results.SelectMany(r => r.Ticks).ToList(), results.Sum(r => r.Errors));
        }

        if (warmup > TimeSpan.Zero)
        {
            await PhaseAsync(warmup);
        }

        var watch = Stopwatch.StartNew();
        var (latencies, failures) = await PhaseAsync(duration);
        var seconds = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Percentile(double p) => latencies.Count == 0 ? 0 : Ms(latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)]);
        return new ScenarioResult(group, name, request, concurrency, latencies.Count, failures, seconds,
            latencies.Count / seconds, latencies.Count == 0 ? 0 : latencies.Average(Ms), Percentile(0.50), Percentile(0.95),
            Percentile(0.99), note)
        {
            FirstError = firstError,
        };
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
