using System.ComponentModel.DataAnnotations;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Governance.Complaints.Features.Staff;

internal sealed record NoteRequest([property: MaxLength(4000, ErrorMessage = "Write a note of up to 4,000 characters.")] string? Text,
    bool ShareWithParties);

/// <summary>The staff API for cases (stable: integrations and tests rely on it).</summary>
internal static class CaseEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        api.MapGet("/", ListAsync);
        api.MapGet("/counts", async (CaseQueue queue, CancellationToken ct) => (await queue.CountsAsync(ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapGet("/{reference}", async (string reference, CaseWork work, CancellationToken ct) =>
            (await work.DetailAsync(reference, ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapGet("/{reference}/actions", async (string reference, CaseWork work, CancellationToken ct) =>
            (await work.AllowedActionsAsync(reference, ct)).ToHttp(a => TypedResults.Ok(a)));
        api.MapPost("/{reference}/actions/{action}", async (string reference, string action, CaseActionRequest? request,
                CaseWork work, CancellationToken ct) =>
            (await work.TakeActionAsync(reference, action, request ?? new CaseActionRequest(), ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapPost("/{reference}/withdrawal", async (string reference, WithdrawalDecisionRequest request, ComplaintRequests requests,
                CancellationToken ct) => (await requests.DecideWithdrawalAsync(reference, request, ct)).ToHttp(c => TypedResults.Ok(c)))
            .Validates<WithdrawalDecisionRequest>();
        api.MapPost("/{reference}/restart", async (string reference, ComplaintRequests requests, CancellationToken ct) =>
            (await requests.RequestRestartAsync(reference, ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapPost("/{reference}/assign-to-me", async (string reference, CaseWork work, CancellationToken ct) =>
            (await work.AssignToMeAsync(reference, ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapGet("/{reference}/evidence/{id:guid}", async (string reference, Guid id, CaseWork work,
                Platform.Files.EvidenceStore store, CancellationToken ct) =>
            (await work.EvidenceAsync(reference, id, ct)).ToHttp(file => store.Download(file.Sha256, file.ContentType, file.FileName)));
        api.MapPost("/{reference}/notes", async (string reference, NoteRequest request, CaseWork work, CancellationToken ct) =>
                (await work.AddNoteAsync(reference, request.Text, request.ShareWithParties, ct)).ToHttp(c => TypedResults.Ok(c)))
            .Validates<NoteRequest>();
    }

    /// <summary>
    /// The case list, one page at a time (50 by default, at most 500), most urgent first. Filters: type, stage,
    /// assignee (me, unassigned), overdue, status (active, or a status name), reference (whole or a prefix).
    /// A <c>Link: rel="next"</c> header gives the next page when there is one.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<CaseSummary>>, ValidationProblem>> ListAsync(string? type, string? stage,
        string? assignee, bool? overdue, string? status, string? reference, int? page, int? pageSize, HttpContext http, CaseQueue queue,
        CancellationToken ct)
    {
        if (page < 1 || pageSize is < 1 or > CaseQuery.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page < 1 ? "page" : "pageSize"] = [$"Pages count from 1 and hold 1 to {CaseQuery.MaxPageSize} cases."],
            });
        }

        if (!CaseQuery.IsReferenceSearch(reference))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reference"] = ["Search by a reference or its beginning, like APL-2026-000123 (letters, digits and dashes, up to 20)."],
            });
        }

        var result = await queue.QueueAsync(new CaseQuery(type, stage, assignee, overdue, status, reference,
            Page: page ?? 1, PageSize: pageSize ?? CaseQuery.DefaultPageSize), ct);
        if (result.HasMore)
        {
            var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value);
            query["page"] = new StringValues((result.Page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            http.Response.Headers.Link = $"<{http.Request.Path}{QueryString.Create(query)}>; rel=\"next\"";
        }

        return TypedResults.Ok(result.Cases);
    }
}
