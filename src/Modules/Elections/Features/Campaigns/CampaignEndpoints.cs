using System.Text;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Elections.Features.Dashboard;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Features.Campaigns;

internal sealed record CandidateResponse(ElectionView Election, CandidateRow Candidate);

/// <summary>The Elections JSON API: elections, candidates, campaign plans, the R11 checklist, the dashboard and its exports.</summary>
internal static class CampaignEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/elections").WithTags("Elections").RequireAuthorization();

        api.MapGet("/municipalities/{municipalityId:guid}/elections", async (Guid municipalityId, ElectionsDbContext db, ITenantScope tenant,
                CancellationToken ct) => !tenant.Allows(municipalityId)
                ? NotFound()
                : Results.Ok((await db.Elections.AsNoTracking().Where(e => e.MunicipalityId == municipalityId).ToListAsync(ct))
                    .OrderByDescending(e => e.VotingDay).Select(ElectionView.From)));
        api.MapPost("/municipalities/{municipalityId:guid}/elections", async (Guid municipalityId, CreateElectionRequest request,
                CampaignService campaigns, CancellationToken ct) =>
                (await campaigns.CreateElectionAsync(municipalityId, request, ct))
                .ToHttp(e => TypedResults.Created($"/api/elections/{e.Id}", ElectionView.From(e))))
            .Validates<CreateElectionRequest>();
        api.MapGet("/{electionId:guid}", async (Guid electionId, ElectionsDbContext db, CancellationToken ct) =>
            await db.Elections.AsNoTracking().FirstOrDefaultAsync(e => e.Id == electionId, ct) is { } e
                ? Results.Ok(ElectionView.From(e))
                : NotFound());
        api.MapPut("/{electionId:guid}/dates", async (Guid electionId, ElectionDatesRequest request, CampaignService campaigns,
                CancellationToken ct) => (await campaigns.SetDatesAsync(electionId, request, ct)).ToHttp(e => TypedResults.Ok(ElectionView.From(e))))
            .Validates<ElectionDatesRequest>();

        api.MapPost("/{electionId:guid}/candidates", async (Guid electionId, AddCandidateRequest request, CampaignService campaigns,
                ClerkDashboard dashboard, CancellationToken ct) =>
                await ThenShowAsync(await campaigns.AddCandidateAsync(electionId, request, ct), c => c.Id, dashboard, created: true, ct))
            .Validates<AddCandidateRequest>();
        api.MapGet("/candidates/{candidateId:guid}", async (Guid candidateId, ClerkDashboard dashboard, CancellationToken ct) =>
            (await dashboard.ForCandidateAsync(candidateId, ct)).ToHttp(r => TypedResults.Ok(new CandidateResponse(r.Election, r.Candidate))));
        api.MapPut("/candidates/{candidateId:guid}/filing", async (Guid candidateId, FilingDatesRequest request, CampaignService campaigns,
                ClerkDashboard dashboard, CancellationToken ct) =>
                await ThenShowAsync(await campaigns.SetFilingDatesAsync(candidateId, request, ct), c => c.Id, dashboard, created: false, ct))
            .Validates<FilingDatesRequest>();
        api.MapPut("/candidates/{candidateId:guid}/plans", async (Guid candidateId, CampaignPlanRequest request, CampaignService campaigns,
                ClerkDashboard dashboard, CancellationToken ct) =>
                await ThenShowAsync(await campaigns.SetPlanAsync(candidateId, request, ct), p => p.CandidateId, dashboard, created: false, ct))
            .Validates<CampaignPlanRequest>();

        api.MapPost("/steps/{itemId:guid}/completion", CompleteAsync)
            .Accepts<StepCompletionForm>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceStore.MaxBytes + (64 * 1024)))
            .DisableAntiforgery(); // API clients use bearer tokens; the cookie is SameSite=Lax, so no cross-site posts carry it
        api.MapPost("/steps/{itemId:guid}/verification", async (Guid itemId, CampaignService campaigns, ClerkDashboard dashboard,
            CancellationToken ct) => await ThenShowStepAsync(await campaigns.VerifyItemAsync(itemId, ct), campaigns, dashboard, ct));
        api.MapGet("/steps/{itemId:guid}/evidence", async (Guid itemId, CampaignService campaigns, EvidenceStore store, CancellationToken ct) =>
            await campaigns.FindItemAsync(itemId, ct) is ({ EvidenceSha256: { } sha } item, _, _) && File.Exists(store.PathOf(sha))
                ? store.Download(sha, item.EvidenceContentType ?? "application/octet-stream", item.EvidenceFileName)
                : NotFound());
        api.MapPost("/plans/{planId:guid}/rechecks", async (Guid planId, RecheckRequest request, CampaignService campaigns,
                CancellationToken ct) => (await campaigns.RecheckAsync(planId, request, ct))
                .ToHttp(r => TypedResults.Created($"/api/elections/plans/{planId}", new RecheckRow(r.RecordedAt, r.RecordedBy, r.Compliant, r.Note))))
            .Validates<RecheckRequest>();
        api.MapPost("/plans/{planId:guid}/restoration", async (Guid planId, CampaignService campaigns, ClerkDashboard dashboard,
            CancellationToken ct) => await ThenShowAsync(await campaigns.RestoreAsync(planId, ct), p => p.CandidateId, dashboard, created: false, ct));

        api.MapGet("/{electionId:guid}/dashboard", async (Guid electionId, ClerkDashboard dashboard, CancellationToken ct) =>
            (await dashboard.ForElectionAsync(electionId, ct)).ToHttp(v => TypedResults.Ok(v)));
        api.MapGet("/{electionId:guid}/dashboard.csv", async (Guid electionId, ClerkDashboard dashboard, CancellationToken ct) =>
            (await dashboard.ForElectionAsync(electionId, ct)).ToHttp(v =>
                TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Exports.Csv(v))).ToArray(), "text/csv; charset=utf-8",
                    $"election-{v.Election.VotingDay.Year}-dashboard.csv")));
        api.MapGet("/{electionId:guid}/calendar.ics", async (Guid electionId, ClerkDashboard dashboard, TimeProvider clock, CancellationToken ct) =>
            (await dashboard.ForElectionAsync(electionId, ct)).ToHttp(v => Ics(v, clock)));
        api.MapGet("/{electionId:guid}/feed", async (Guid electionId, ClerkDashboard dashboard, CalendarFeed feed, HttpRequest request,
            CancellationToken ct) => (await dashboard.ForElectionAsync(electionId, ct)).ToHttp(v =>
                TypedResults.Ok(new { url = $"{PublicAddress.Of(request)}/api/elections/feeds/{feed.TokenFor(v.Election)}/calendar.ics" })));
        // A calendar app cannot sign in: the feed's address carries a signed, expiring token instead.
        endpoints.MapGet("/api/elections/feeds/{token}/calendar.ics", async (string token, CalendarFeed feed, ClerkDashboard dashboard,
                ITenantScope tenant, TimeProvider clock, CancellationToken ct) =>
            {
                if (feed.Read(token) is not { } electionId)
                {
                    return NotFound();
                }

                tenant.RunAsSystem();
                return (await dashboard.ForFeedAsync(electionId, ct)).ToHttp(v => Ics(v, clock));
            })
            .WithTags("Elections").AllowAnonymous();

        api.MapGet("/my/candidacies", async (ICurrentActor actor, ClerkDashboard dashboard, CancellationToken ct) =>
            Results.Ok((await dashboard.MineAsync(actor.UserId!.Value, ct)).Select(r => new CandidateResponse(r.Election, r.Candidate))));
        api.MapGet("/my/tasks", async (ICurrentActor actor, ClerkDashboard dashboard, CancellationToken ct) =>
            Results.Ok(await dashboard.TasksOfAsync(actor.UserId!.Value, ct)));
        api.MapPost("/my/tasks/{taskId:guid}/done", async (Guid taskId, CampaignService campaigns, CancellationToken ct) =>
            (await campaigns.MarkTaskDoneAsync(taskId, ct)).ToHttp(_ => Results.NoContent()));
    }

    private static async Task<IResult> CompleteAsync(Guid itemId, HttpRequest request, CampaignService campaigns, ClerkDashboard dashboard,
        CancellationToken ct)
    {
        var (form, problem) = await Uploads.ReadFormAsync(request, "the step (evidenceUrl, note and an optional evidence file)", ct);
        if (form is null)
        {
            return problem!;
        }

        var result = await campaigns.CompleteItemAsync(itemId, form["evidenceUrl"], form["note"],
            form.Files.GetFiles("evidence").Select(UploadedFile.From).ToList(), ct);
        return await ThenShowStepAsync(result, campaigns, dashboard, ct);
    }

    private static async Task<IResult> ThenShowStepAsync(Result<ChecklistItem> result, CampaignService campaigns, ClerkDashboard dashboard,
        CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return result.ToHttp(_ => Results.Ok());
        }

        var (_, _, candidate) = await campaigns.FindItemAsync(result.Value!.Id, ct);
        var shown = await dashboard.ForCandidateAsync(candidate!.Id, ct);
        return TypedResults.Ok(shown.Value.Candidate.Plans.SelectMany(p => p.Steps).Single(s => s.Id == result.Value.Id));
    }

    private static async Task<IResult> ThenShowAsync<T>(Result<T> result, Func<T, Guid> candidateOf, ClerkDashboard dashboard, bool created,
        CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return result.ToHttp(_ => Results.Ok());
        }

        var id = candidateOf(result.Value!);
        var (election, candidate) = (await dashboard.ForCandidateAsync(id, ct)).Value;
        var body = new CandidateResponse(election, candidate);
        return created ? TypedResults.Created($"/api/elections/candidates/{id}", body) : TypedResults.Ok(body);
    }

    private static IResult Ics(DashboardView view, TimeProvider clock)
        => TypedResults.File(Encoding.UTF8.GetBytes(Exports.Calendar(view, clock.GetUtcNow())), "text/calendar; charset=utf-8",
            $"election-{view.Election.VotingDay.Year}.ics");

    private static IResult NotFound() => TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>
/// Signed feed tokens: they name one election and expire 60 days after its campaign period. The expiry is inside the
/// signed payload and checked against the injected clock, so it follows the same time as everything else.
/// </summary>
internal sealed class CalendarFeed(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Governance.Elections.CalendarFeed");

    public string TokenFor(ElectionView election)
    {
        var expires = election.CampaignPeriodEnds.AddDays(60).DayNumber;
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{election.Id:N}|{expires}")));
    }

    public Guid? Read(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber;
            return parts.Length == 2 && int.TryParse(parts[1], out var expires) && expires >= today && Guid.TryParse(parts[0], out var id)
                ? id
                : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
