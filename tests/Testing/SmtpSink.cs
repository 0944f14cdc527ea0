using System.Diagnostics;
using System.Text;
using MimeKit;
using Xunit;

namespace Governance.Testing;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (package python3-aiosmtpd) storing each message in a maildir.
/// </summary>
public sealed class SmtpSink : IAsyncLifetime
{
    private Process? _process;
    private readonly StringBuilder _log = new();

    public int Port { get; private set; }

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), $"governance-smtp-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Port = Processes.FreePort();
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        _process.ErrorDataReceived += (_, e) => _log.AppendLine(e.Data);
        _process.BeginErrorReadLine();
        await Processes.WaitForPortAsync(Port, () => _process.HasExited,
            () => $"aiosmtpd (apt-get install python3-aiosmtpd): {_log}", TimeSpan.FromSeconds(20));
    }

    /// <summary>The messages received so far: the headers as received, a blank line, then the plain-text part decoded.</summary>
    public IReadOnlyList<string> Messages() => RawMessages().Select(Decode).ToList();

    /// <summary>The messages received so far, byte for byte as the sink stored them (with its X-RcptTo header).</summary>
    public IReadOnlyList<string> RawMessages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order().Select(File.ReadAllText).ToList()
            : [];
    }

    private static string Decode(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        var message = MimeMessage.Load(stream);
        return (split < 0 ? raw : raw[..split]) + "\n\n" + message.TextBody;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }
}
