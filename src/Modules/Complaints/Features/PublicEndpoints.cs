using System.Text.Json;
using Governance.Accounts.Contracts;
using Governance.Complaints.Features.Appeals;
using Governance.Complaints.Features.CodeOfConduct;
using Governance.Complaints.Features.Tracking;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Features;

internal sealed record FiledResponse(string Reference, string TrackingUrl);

internal sealed record InformationRequest(
    [property: System.ComponentModel.DataAnnotations.MaxLength(10_000, ErrorMessage = "Keep it under 10,000 characters; attach a file for more.")] string? Information);

/// <summary>The resident's reply to the member's response (R16).</summary>
internal sealed record ReplyRequest(
    [property: System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Write your reply."),
               System.ComponentModel.DataAnnotations.MaxLength(20_000, ErrorMessage = "Keep your reply under 20,000 characters.")] string? Text);

/// <summary>Why the resident escalates, or withdraws (optional).</summary>
internal sealed record ReasonRequest(
    [property: System.ComponentModel.DataAnnotations.MaxLength(4000, ErrorMessage = "Keep it under 4,000 characters.")] string? Reason);

/// <summary>
/// The resident's API: no account needed. JSON, or multipart/form-data with the JSON in a part named
/// <c>data</c> and files in parts named <c>evidence</c>.
/// </summary>
internal static class PublicEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        api.MapPost("/appeals", FileAppealAsync)
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithMetadata(new RequestSizeLimitAttribute(6 * Platform.Files.EvidenceStore.MaxBytes))
            .WithMetadata(new JsonOrEvidenceForm(typeof(FileAppealRequest), CaseFiling.MaxFiles))
            .DisableAntiforgery() // no cookie is involved: residents have no account
            .Produces<FiledResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapPost("/complaints", FileComplaintAsync)
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithMetadata(new RequestSizeLimitAttribute(6 * Platform.Files.EvidenceStore.MaxBytes))
            .WithMetadata(new JsonOrEvidenceForm(typeof(FileComplaintRequest), CaseFiling.MaxFiles))
            .DisableAntiforgery()
            .Produces<FiledResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapGet("/municipalities/{slug}/members", async (string slug, IMunicipalityDirectory municipalities, IStaffDirectory staff,
            CancellationToken ct) => await municipalities.FindBySlugAsync(slug, ct) is { } m
                ? Results.Ok((await staff.StaffOfAsync(m.Id, ct)).Where(s => s.Roles.Contains(SharedKernel.StaffRoles.Member))
                    .Select(s => new { id = s.UserId, name = s.DisplayName }))
                : Results.Problem("Not found.", statusCode: StatusCodes.Status404NotFound));
        api.MapGet("/municipalities/{slug}/articles", async (string slug, IMunicipalityDirectory municipalities,
            Policies.Contracts.IPolicyCatalog policies, CancellationToken ct) => await municipalities.FindBySlugAsync(slug, ct) is { } m
                ? Results.Ok(await policies.ArticlesAsync(m.Id, ct))
                : Results.Problem("Not found.", statusCode: StatusCodes.Status404NotFound));
        api.MapGet("/municipalities/{slug}/accounts", async (string slug, string? q, IMunicipalityDirectory municipalities,
            IAccountRegistry accounts, CancellationToken ct) =>
        {
            var municipality = await municipalities.FindBySlugAsync(slug, ct);
            if (municipality is null)
            {
                return Results.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
            }

            var all = await accounts.ListAsync(municipality.Id, ct);
            var term = q?.Trim().TrimStart('@') ?? "";
            return Results.Ok(all.Where(a => term.Length == 0 || a.Handle.Contains(term, StringComparison.OrdinalIgnoreCase)
                    || a.OwnerName.Contains(term, StringComparison.OrdinalIgnoreCase))
                .Select(a => new { a.Id, a.Platform, a.Handle, a.OwnerName }).Take(50));
        });
        api.MapGet("/cases/{reference}", async (string reference, string? token, TrackCase track, CancellationToken ct) =>
            (await track.ViewAsync(reference, token, ct)).ToHttp(v => TypedResults.Ok(v)));
        // The reason is optional, and so is the body: a bare POST withdraws (or asks to).
        api.MapPost("/cases/{reference}/withdraw", async (string reference, string? token, ReasonRequest? request, TrackCase track, CancellationToken ct) =>
                Invalid(request) ?? (await track.WithdrawAsync(reference, token, request?.Reason, ct)).ToHttp(v => TypedResults.Ok(v)))
            .ProducesValidationProblem()
            .DisableAntiforgery();
        api.MapPost("/cases/{reference}/reply", async (string reference, string? token, ReplyRequest request, TrackCase track, CancellationToken ct) =>
                (await track.ReplyAsync(reference, token, request.Text, ct)).ToHttp(v => TypedResults.Ok(v)))
            .Validates<ReplyRequest>()
            .RequireRateLimiting(RateLimits.PublicForms)
            .DisableAntiforgery();
        api.MapPost("/cases/{reference}/escalate", async (string reference, string? token, ReasonRequest? request, TrackCase track, CancellationToken ct) =>
                Invalid(request) ?? (await track.EscalateAsync(reference, token, request?.Reason, ct)).ToHttp(v => TypedResults.Ok(v)))
            .ProducesValidationProblem()
            .RequireRateLimiting(RateLimits.PublicForms)
            .DisableAntiforgery();
        api.MapPost("/cases/{reference}/restart", async (string reference, string? token, TrackCase track, CancellationToken ct) =>
                (await track.RequestRestartAsync(reference, token, ct)).ToHttp(v => TypedResults.Ok(v)))
            .DisableAntiforgery();
        api.MapPost("/cases/{reference}/complete", async (string reference, string? token, CompleteComplaintRequest request, TrackCase track,
                CancellationToken ct) => (await track.CompleteAsync(reference, token, request, ct)).ToHttp(v => TypedResults.Ok(v)))
            .Validates<CompleteComplaintRequest>()
            .RequireRateLimiting(RateLimits.PublicForms)
            .DisableAntiforgery();
        api.MapPost("/cases/{reference}/information", AddInformationAsync)
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithMetadata(new RequestSizeLimitAttribute(6 * Platform.Files.EvidenceStore.MaxBytes))
            .WithMetadata(new JsonOrEvidenceForm(typeof(InformationRequest), CaseFiling.MaxFiles))
            .DisableAntiforgery();
    }

    /// <summary>The configured public address (never the request's Host header), for tracking links.</summary>
    public static string BaseUrl(HttpRequest request) => Platform.Web.PublicAddress.Of(request);

    private static Task<IResult> FileAppealAsync(HttpRequest request, FileAppeal appeals, CancellationToken ct)
        => FileAsync<FileAppealRequest>(request, (body, files, baseUrl) => appeals.FileAsync(body, files, baseUrl, ct), ct);

    private static Task<IResult> FileComplaintAsync(HttpRequest request, FileComplaint complaints, CancellationToken ct)
        => FileAsync<FileComplaintRequest>(request, (body, files, baseUrl) => complaints.FileAsync(body, files, baseUrl, ct), ct);

    /// <summary>Reads and validates a filing, files it, and answers 201 (or 200 with the same case for a repeat).</summary>
    private static async Task<IResult> FileAsync<TRequest>(HttpRequest request,
        Func<TRequest, IReadOnlyList<UploadedFile>, string, Task<SharedKernel.Result<FiledCase>>> file, CancellationToken ct)
        where TRequest : class
    {
        var (body, files, problem) = await ReadAsync<TRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var invalid = ValidationFilter.Validate(body!);
        if (invalid.Count > 0)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        var baseUrl = BaseUrl(request);
        return (await file(body!, files, baseUrl)).ToHttp(filed => filed.Repeated
            ? TypedResults.Ok(new FiledResponse(filed.Case.Reference, baseUrl + filed.TrackingPath))
            : TypedResults.Created($"/api/public/cases/{filed.Case.Reference}", new FiledResponse(filed.Case.Reference, baseUrl + filed.TrackingPath)));
    }

    private static async Task<IResult> AddInformationAsync(string reference, string? token, HttpRequest request, TrackCase track,
        CancellationToken ct)
    {
        var (body, files, problem) = await ReadAsync<InformationRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var invalid = ValidationFilter.Validate(body!);
        return invalid.Count > 0
            ? TypedResults.ValidationProblem(invalid)
            : (await track.AddInformationAsync(reference, token, body!.Information, files, ct)).ToHttp(v => TypedResults.Ok(v));
    }

    /// <summary>Reads a JSON body, or multipart with a JSON <c>data</c> part and <c>evidence</c> files.</summary>
    private static async Task<(T? Body, IReadOnlyList<UploadedFile> Files, IResult? Problem)> ReadAsync<T>(HttpRequest request,
        CancellationToken ct)
        where T : class
    {
        try
        {
            if (request.HasJsonContentType())
            {
                var json = await request.ReadFromJsonAsync<T>(Json, ct);
                return json is null ? (null, [], Bad("The request body is empty.")) : (json, [], null);
            }

            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var data = form["data"].ToString();
                var body = string.IsNullOrWhiteSpace(data) ? null : JsonSerializer.Deserialize<T>(data, Json);
                return body is null
                    ? (null, [], Bad("Put the form's fields, as JSON, in a part named 'data'."))
                    : (body, form.Files.GetFiles("evidence").Select(UploadedFile.From).ToList(), null);
            }

            return (null, [], TypedResults.Problem("Send application/json or multipart/form-data.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        catch (JsonException ex)
        {
            return (null, [], Bad($"The JSON could not be read: {ex.Message}"));
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, [], TypedResults.Problem($"The request could not be read: {ex.Message}",
                statusCode: ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>An optional body's field errors, or null when it is absent or valid.</summary>
    private static IResult? Invalid(object? body)
        => body is not null && ValidationFilter.Validate(body) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors) : null;

    private static IResult Bad(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
