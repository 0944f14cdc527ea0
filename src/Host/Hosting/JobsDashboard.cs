using Governance.Platform.Web;
using Governance.SharedKernel;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.States;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Host.Hosting;

/// <summary>
/// The Hangfire dashboard at /jobs: administrators only, and read-only but for retrying a failed job (a failed e-mail
/// delivery, say). Hangfire has one read-only switch per request, so the switch is off only where a failed job is
/// retried: the failed jobs page and its "Requeue" command, and a failed job's page and its "Requeue" button. There
/// the page also shows "Delete", which the same rule refuses (401) when pressed.
/// </summary>
internal static class JobsDashboard
{
    public static DashboardOptions Options(JobStorage storage) => new()
    {
        AppPath = "/",
        DashboardTitle = "Governance jobs",
        DisplayStorageConnectionString = false,
        Authorization = [],
        AsyncAuthorization = [new AdministratorsOnly()],
        IsReadOnlyFunc = context => !MayRetry(context, storage),
    };

    private static bool MayRetry(DashboardContext context, JobStorage storage)
    {
        if (!context.GetHttpContext().User.IsInRole(StaffRoles.Administrator))
        {
            return false;
        }

        var path = context.Request.Path;
        var get = HttpMethods.IsGet(context.Request.Method);
        if (path == "/jobs/failed" && get || path == "/jobs/failed/requeue" && !get)
        {
            return true; // the batch command only moves jobs that are failed
        }

        const string Details = "/jobs/details/", Requeue = "/jobs/actions/requeue/";
        var jobId = get && path.StartsWith(Details, StringComparison.Ordinal) ? path[Details.Length..]
            : !get && path.StartsWith(Requeue, StringComparison.Ordinal) ? path[Requeue.Length..]
            : null;
        if (jobId is null)
        {
            return false;
        }

        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name == FailedState.StateName;
    }

    /// <summary>The dashboard's own gate: the same policy as the endpoint's, on the page cookie's user.</summary>
    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, StaffPolicies.Administrators)).Succeeded;
        }
    }
}
