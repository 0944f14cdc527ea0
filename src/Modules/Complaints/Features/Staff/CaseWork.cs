using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Staff;

/// <summary>
/// Staff work on one case: read it (as much as the viewer may, R15), list and take its steps, take it, write notes, open
/// its evidence. Every read and change is audited; what a step does lives in its typed step (<see cref="CaseStep"/>).
/// </summary>
internal sealed class CaseWork(
    ComplaintsDbContext db,
    CaseAccess access,
    CaseDetails details,
    StepRunner runner,
    ICurrentActor actor,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<Result<CaseDetail>> DetailAsync(string reference, CancellationToken ct)
    {
        var (found, sight, refused) = await OpenAsync<CaseDetail>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        audit.Record(db, "case.read", "Case", found!.Reference, found.MunicipalityId, sight.ToString());
        await db.SaveChangesAsync(ct);
        return Result<CaseDetail>.Ok(await details.ForAsync(found, sight, ct));
    }

    /// <summary>One evidence file of a case the viewer sees in full (R15); the download is audited, a miss is not.</summary>
    public async Task<Result<EvidenceView>> EvidenceAsync(string reference, Guid id, CancellationToken ct)
    {
        var (found, sight, refused) = await OpenAsync<EvidenceView>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (!NeedToKnow.SeesInvestigation(sight))
        {
            return Result<EvidenceView>.Forbidden("Only the case team sees a case's evidence.");
        }

        var file = await db.Evidence.AsNoTracking().Where(e => e.CaseId == found!.Id && e.Id == id)
            .Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt)).FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return Result<EvidenceView>.NotFound();
        }

        audit.Record(db, "case.evidence-read", "Case", found!.Reference, found.MunicipalityId, file.Sha256);
        await db.SaveChangesAsync(ct);
        return Result<EvidenceView>.Ok(file);
    }

    /// <summary>The steps the viewer may take now, each with its label and form fields.</summary>
    public async Task<Result<IReadOnlyList<ActionView>>> AllowedActionsAsync(string reference, CancellationToken ct)
    {
        var (found, _, refused) = await OpenAsync<IReadOnlyList<ActionView>>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        var instance = await access.InstanceAsync(found!, ct);
        if (instance is not { Status: Platform.Workflows.WorkflowStatus.Running })
        {
            return Result<IReadOnlyList<ActionView>>.Ok([]);
        }

        return Result<IReadOnlyList<ActionView>>.Ok((await runner.AvailableAsync(found!, instance.Flow, instance.Stage, actor.Name, access.Viewer, ct))
            .Select(s => new ActionView(s.Action, s.Label, s.Fields.Select(f => new FieldView(f.Name, f.Label, f.Kind.ToString(), f.Required,
                f.MaxLength, f.Hint, f.Options?.Select(o => new OptionView(o.Value, o.Label)).ToList())).ToList()))
            .ToList());
    }

    /// <summary>Takes one workflow step with what it records; another stage's action is a conflict (409).</summary>
    public async Task<Result<CaseDetail>> TakeActionAsync(string reference, string action, CaseActionRequest request, CancellationToken ct)
    {
        var (found, sight, refused) = await OpenAsync<CaseDetail>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (Platform.Web.ValidationFilter.Validate(request) is { Count: > 0 } invalid)
        {
            return Result<CaseDetail>.Invalid(invalid);
        }

        // A remark with a step is for the case team; a member, an owner or a clerk answers in the step's own fields.
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            if (!CaseAccess.IsCaseTeam(sight))
            {
                return Result<CaseDetail>.Forbidden("Only the case team writes notes; leave the note empty.");
            }

            AddTimeline(found!, Visibility.Internal, request.Note.Trim());
        }

        var taken = await runner.RunAsync(found!, action, request, actor.Name, access.Viewer, StepActor.Staff, ct);
        if (!taken.Succeeded)
        {
            db.ChangeTracker.Clear();
            return taken.Status switch
            {
                ResultStatus.Invalid => Result<CaseDetail>.Invalid(taken.Errors),
                ResultStatus.Forbidden => Result<CaseDetail>.Forbidden(taken.Message ?? "Not allowed."),
                _ => Result<CaseDetail>.Conflict(taken.Message ?? "Conflict."),
            };
        }

        return Result<CaseDetail>.Ok(await details.ForAsync(found!, await access.SightOfAsync(found!, ct), ct));
    }

    public async Task<Result<CaseDetail>> AssignToMeAsync(string reference, CancellationToken ct)
    {
        var (found, sight, refused) = await OpenAsync<CaseDetail>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (!CaseAccess.IsCaseTeam(sight))
        {
            return Result<CaseDetail>.Forbidden("Only the case team can take a case.");
        }

        found!.AssignedToUserId = actor.UserId;
        found.AssignedToName = actor.Name;
        AddTimeline(found, Visibility.Internal, $"{actor.Name} took the case.");
        audit.Record(db, "case.assigned", "Case", found.Reference, found.MunicipalityId, actor.Name);
        await db.SaveChangesAsync(ct);
        return Result<CaseDetail>.Ok(await details.ForAsync(found, sight, ct));
    }

    public async Task<Result<CaseDetail>> AddNoteAsync(string reference, string? text, bool shareWithParties, CancellationToken ct)
    {
        var (found, sight, refused) = await OpenAsync<CaseDetail>(reference, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (!CaseAccess.IsCaseTeam(sight))
        {
            return Result<CaseDetail>.Forbidden("Only the case team writes notes.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Result<CaseDetail>.Invalid("text", "Write a note of up to 4,000 characters.");
        }

        AddTimeline(found!, shareWithParties ? Visibility.Parties : Visibility.Internal, text.Trim());
        audit.Record(db, "case.note", "Case", found!.Reference, found.MunicipalityId, shareWithParties ? "shared" : "internal");
        await db.SaveChangesAsync(ct);
        return Result<CaseDetail>.Ok(await details.ForAsync(found, sight, ct));
    }

    /// <summary>The case and the viewer's sight, or why not: unknown (404) or not theirs to see (403).</summary>
    public async Task<(Case? Case, Sight Sight, Result<T>? Refused)> OpenAsync<T>(string reference, CancellationToken ct)
    {
        var found = await access.LoadAsync(reference, ct);
        if (found is null)
        {
            return (null, Sight.None, Result<T>.NotFound());
        }

        var sight = await access.SightOfAsync(found, ct);
        return sight == Sight.None
            ? (null, sight, Result<T>.Forbidden("Your role does not give access to this case."))
            : (found, sight, null);
    }

    private void AddTimeline(Case found, Visibility visibility, string text) => db.Timeline.Add(new TimelineEntry
    {
        Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(),
        Visibility = visibility, Text = text, By = actor.Name,
    });
}
