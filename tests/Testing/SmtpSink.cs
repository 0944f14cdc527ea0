using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Governance.Testing;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (package python3-aiosmtpd) storing each message in a maildir.
/// </summary>
public sealed partial class SmtpSink : IAsyncLifetime
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

    /// <summary>The messages received so far: headers as sent, then the body decoded (base64 or quoted-printable).</summary>
    public IReadOnlyList<string> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order().Select(f => Decode(File.ReadAllText(f))).ToList()
            : [];
    }

    private static string Decode(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return raw;
        }

        var headers = raw[..split];
        var body = raw[(split + 2)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
        }
        else if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = DecodeQuotedPrintable(body);
        }

        return headers + "\n\n" + body;
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

    private static string DecodeQuotedPrintable(string raw)
    {
        var joined = SoftBreak().Replace(raw, "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("=\r?\n")]
    private static partial Regex SoftBreak();
}
