using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Governance.Bench;

/// <summary>
/// The real host, built in the same configuration as the benchmark, run as a child process on a free loopback
/// port, so start-up time and memory are those of the process a municipality would run.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, int port)
    {
        _process = process;
        _log = log;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>From process start to the first 200 on /health/ready.</summary>
    public TimeSpan StartUp { get; private set; }

    public static string HostFolder(string repoRoot) => Path.Combine(repoRoot, "src", "Host");

    public static string HostBinary(string repoRoot)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var bin = Path.Combine(HostFolder(repoRoot), "bin", configuration, "net10.0");
        var dll = Path.Combine(bin, "Governance.Host.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Build the host first (dotnet build -c {configuration}); {dll} is missing.");
    }

    /// <summary>Runs the host with a one-off command (e.g. --migrate, --verify-audit) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Took)> RunCommandAsync(string repoRoot,
        IReadOnlyDictionary<string, string> environment, string command)
    {
        var info = StartInfo(repoRoot, environment, command);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr, watch.Elapsed);
    }

    /// <summary>Starts the host and waits until /health/ready answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string repoRoot, IReadOnlyDictionary<string, string> environment,
        string logPath, TimeSpan timeout)
    {
        var port = FreePort();
        var env = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        var info = StartInfo(repoRoot, env, null);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, log, port);
        using var probe = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} before it was ready; see {logPath}.");
            }

            if (watch.Elapsed > timeout)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"The host was not ready after {timeout.TotalSeconds:0} s; see {logPath}.");
            }

            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    host.StartUp = watch.Elapsed;
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Peak resident set size (VmHWM) and current (VmRSS) of the host process, in bytes.</summary>
    public (long Peak, long Current) Memory()
    {
        long Read(string key)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }

        return (Read("VmHWM"), Read("VmRSS"));
    }

    /// <summary>SIGTERM, as a service manager would stop it; killed if it does not stop in 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static ProcessStartInfo StartInfo(string repoRoot, IReadOnlyDictionary<string, string> environment, string? command)
    {
        // The content root is the project folder, as with `dotnet run`, so wwwroot and the pages are found.
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = HostFolder(repoRoot),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostBinary(repoRoot));
        if (command is not null)
        {
            info.ArgumentList.Add(command);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
