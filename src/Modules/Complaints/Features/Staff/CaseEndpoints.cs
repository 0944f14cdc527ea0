using Governance.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Governance.Complaints.Features.Staff;

internal sealed record NoteRequest(string? Text, bool ShareWithParties);

/// <summary>The staff API for cases (stable: integrations and tests rely on it).</summary>
internal static class CaseEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        api.MapGet("/", async (string? type, string? stage, string? assignee, bool? overdue, CaseWork work, CancellationToken ct) =>
            TypedResults.Ok(await work.QueueAsync(type, stage, assignee, overdue, ct)));
        api.MapGet("/{reference}", async (string reference, CaseWork work, CancellationToken ct) =>
            (await work.DetailAsync(reference, ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapGet("/{reference}/actions", async (string reference, CaseWork work, CancellationToken ct) =>
            (await work.AllowedActionsAsync(reference, ct)).ToHttp(a => TypedResults.Ok(a)));
        api.MapPost("/{reference}/actions/{action}", async (string reference, string action, CaseActionRequest? request,
                CaseWork work, CancellationToken ct) =>
            (await work.TakeActionAsync(reference, action, request ?? new CaseActionRequest(), ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapPost("/{reference}/assign-to-me", async (string reference, CaseWork work, CancellationToken ct) =>
            (await work.AssignToMeAsync(reference, ct)).ToHttp(c => TypedResults.Ok(c)));
        api.MapGet("/{reference}/evidence/{id:guid}", async (string reference, Guid id, CaseWork work,
                Platform.Files.EvidenceStore store, CancellationToken ct) =>
            (await work.EvidenceAsync(reference, id, ct)).ToHttp(file => Results.File(store.PathOf(file.Sha256), file.ContentType, file.FileName)));
        api.MapPost("/{reference}/notes", async (string reference, NoteRequest request, CaseWork work, CancellationToken ct) =>
            (await work.AddNoteAsync(reference, request.Text, request.ShareWithParties, ct)).ToHttp(c => TypedResults.Ok(c)));
    }
}
