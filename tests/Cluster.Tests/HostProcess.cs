using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Governance.Testing;

namespace Governance.Cluster.Tests;

/// <summary>
/// One real Governance host: the built <c>Governance.Host.dll</c> started with <c>dotnet</c>, configured only by
/// environment variables, as an operator would run it. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int MaxLogChars = 200_000;

    private static readonly string Dll = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "HostDll").Value!;

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private HostProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Whether the host exited; once it has, its output is read to the end first, so <see cref="Log"/> is whole.</summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
            {
                return false;
            }

            _process.WaitForExit(); // without a timeout it also waits for the redirected output to end
            return true;
        }
    }

    /// <summary>What the host wrote to stdout and stderr (the latest part), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the host on a free loopback port. <paramref name="settings"/> are configuration keys ("Database:Provider").</summary>
    public static HostProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var port = Processes.FreePort();
        var process = new Process { StartInfo = Info(settings, ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}")) };
        var host = new HostProcess(name, port, process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {Dll}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs a one-off command of the host (<c>--verify-audit</c>, <c>--migrate</c>) and waits for it.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string> settings,
        string command)
    {
        var info = Info(settings);
        info.ArgumentList.Add(command);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Dll}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Polls /health/ready as a load balancer would: database answers and the scheduler has joined the cluster.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = Client();
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host {Name} exited with {_process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Host {Name} was not ready after {timeout.TotalSeconds} s ({last}):\n{Log}");
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a pulled plug would: open transactions die with the connection.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > MaxLogChars)
            {
                _log.Remove(0, _log.Length - MaxLogChars / 2);
            }
        }
    }

    private static ProcessStartInfo Info(IReadOnlyDictionary<string, string> settings, params (string Name, string Value)[] extra)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        info.ArgumentList.Add(Dll);
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in extra)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
