using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Governance.Accounts.Data;
using Governance.Host.Tests.Security;
using Governance.Platform.Outbox;
using Governance.SharedKernel;
using Governance.Testing;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>
/// The Hangfire dashboard at /jobs: administrators only, read-only but for retrying a failed job; a failed e-mail
/// delivery shows there, and retrying it once the SMTP server is back delivers it once.
/// </summary>
public sealed partial class JobsDashboardTests
{
    [Fact]
    public async Task A_failed_delivery_shows_on_the_dashboard_and_an_administrators_retry_delivers_it_once()
    {
        await using var sink = new SmtpSink();
        await sink.InitializeAsync();
        var port = Processes.FreePort(); // nothing listens here yet: the SMTP server is down
        await using var app = new GovernanceFactory
        {
            Settings = new()
            {
                ["Mail:Delivery"] = "Smtp",
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:StartTls"] = "false",
                ["Mail:MaxAttempts"] = "1", // dead-lettered at the first failure
            },
        };
        await app.WaitUntilReadyAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/auth/forgotPassword", new { email = "clerk@demo.test" })).StatusCode);

        // The dead letter is a failed job.
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        string? jobId = null;
        Guid messageId = default;
        Assert.True(await SchedulerTests.EventuallyAsync(async () =>
        {
            messageId = await ResetMailIdAsync(app);
            jobId = monitoring.FailedJobs(0, 100).FirstOrDefault(j => j.Value.Job?.Type == typeof(DeliverOutboxMessageJob)
                && Equals(j.Value.Job.Args[1], messageId)).Key;
            return jobId is not null;
        }), "no failed delivery job");

        // Who may see it: administrators; others are sent to sign in, or told no.
        Assert.Equal("/login", (await StaffWeb.Browser(app).GetAsync("/jobs")).Headers.Location?.AbsolutePath);
        var clerk = await StaffWeb.CookieClientAsync(app, "clerk@demo.test");
        Assert.StartsWith("/access-denied", (await clerk.GetAsync("/jobs")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        var admin = await StaffWeb.CookieClientAsync(app, "admin@demo.test");
        var failedPage = await admin.GetStringAsync("/jobs/jobs/failed");
        Assert.Contains($"Deliver outbox message {messageId}", failedPage, StringComparison.Ordinal);
        Assert.Contains("/jobs/jobs/failed/requeue", failedPage, StringComparison.Ordinal);
        var lastError = (await MessageAsync(app, messageId)).LastError!;
        Assert.Contains(WebUtility.HtmlEncode(lastError[..Math.Min(30, lastError.Length)]), await admin.GetStringAsync($"/jobs/jobs/details/{jobId}"), StringComparison.Ordinal);
        var home = await admin.GetStringAsync("/");
        Assert.Contains("href=\"/jobs\"", home, StringComparison.Ordinal);

        // Read-only but for the retry: triggering a recurring job or deleting the failed one is refused.
        var (header, token) = Antiforgery(failedPage);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(admin, "/jobs/recurring/trigger", "dispatch-outbox", header, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(admin, "/jobs/jobs/failed/delete", jobId!, header, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(admin, $"/jobs/jobs/actions/delete/{jobId}", null, header, token)).StatusCode);
        Assert.Equal(FailedState.StateName, monitoring.JobDetails(jobId).History[0].StateName);

        // The server is back; the administrator retries the failed job: the message goes, once.
        using var smtp = new Forwarder(port, sink.Port);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(admin, "/jobs/jobs/failed/requeue", jobId!, header, token)).StatusCode);
        Assert.True(await SchedulerTests.EventuallyAsync(() => Task.FromResult(
            monitoring.JobDetails(jobId).History[0].StateName == SucceededState.StateName)), "the retried job did not succeed");
        var message = await MessageAsync(app, messageId);
        Assert.NotNull(message.ProcessedAt);
        Assert.Null(message.DeadLetteredAt);

        // Run again (a second retry, another host): already delivered, nothing more is sent.
        await ActivatorUtilities.CreateInstance<DeliverOutboxMessageJob>(app.Services).RunAsync("Accounts", messageId, CancellationToken.None);
        Assert.Single(sink.Messages(), m => m.Contains(messageId.ToString("N"), StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<Guid> ResetMailIdAsync(GovernanceFactory app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>()
            .Where(m => m.Kind == OutboxKind.Mail && m.Payload.Contains("clerk@demo.test")).Select(m => m.Id).FirstOrDefaultAsync();
    }

    private static async Task<OutboxMessage> MessageAsync(GovernanceFactory app, Guid id)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ITenantScope>().RunAsSystem();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>As the dashboard's script posts a command: the job ids as a form, the antiforgery token in a header.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? job, string header, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(job is null ? [] : [new KeyValuePair<string, string>("jobs[]", job)]),
        };
        request.Headers.Add(header, token);
        return client.SendAsync(request);
    }

    private static (string Header, string Token) Antiforgery(string page)
        => (Meta("csrf-header").Match(page).Groups[1].Value, WebUtility.HtmlDecode(Meta("csrf-token").Match(page).Groups[1].Value));

    private static Regex Meta(string name) => new($"<meta name=\"{name}\" content=\"([^\"]+)\">");

    /// <summary>An SMTP server coming back on the address the host was given: forwards each connection to the sink.</summary>
    private sealed class Forwarder : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();

        public Forwarder(int port, int target)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var server = new TcpClient();
                    await server.ConnectAsync(IPAddress.Loopback, target, _stop.Token);
                    _ = Pipe(client, server);
                    _ = Pipe(server, client);
                }
            });
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task Pipe(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                to.Client.Shutdown(SocketShutdown.Send);
            }
        }
    }
}
