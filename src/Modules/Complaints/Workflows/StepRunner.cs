using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Staff;
using Governance.Platform.Audit;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Workflows;

/// <summary>
/// Takes one workflow step, by staff or by the resident: finds the step of the action in the case's flow version, checks
/// who may take it, lets it check and record, sets the case status of the next stage and moves the workflow, all in one
/// transaction. Another stage's action is a conflict (409); the wrong person is forbidden (403); bad input changes nothing.
/// </summary>
internal sealed class StepRunner(ComplaintsDbContext db, WorkflowRuntime workflows, AuditTrail audit, IServiceProvider services,
    TimeProvider clock)
{
    public async Task<Result<bool>> RunAsync(Case found, string action, CaseActionRequest request, string actorName, Viewer viewer,
        StepActor by, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.CorrelationId == found.Reference, ct);
        if (instance is null || instance.Status != WorkflowStatus.Running)
        {
            return Result<bool>.Conflict(found.Status == CaseStatus.Terminated
                ? "This file was ended by the election period; it can only be restarted on request."
                : "This case is not open for work.");
        }

        var flow = CaseFlows.Of(instance);
        if (!flow.Definition.Stage(instance.Stage).Actions.TryGetValue(action, out var move))
        {
            return Result<bool>.Conflict($"'{action}' is not possible while the case is at '{instance.Stage}'.");
        }

        var step = flow.Step(action);
        if (step.TakenBy != by)
        {
            return by == StepActor.Staff
                ? Result<bool>.Forbidden("Only the resident takes this step, through their private link; the case team may go on without them, giving the reason.")
                : Result<bool>.Conflict("This step is the case team's.");
        }

        if (by == StepActor.Staff && move.AllowedRoles.Count > 0 && !move.AllowedRoles.Any(viewer.Is))
        {
            return Result<bool>.Forbidden($"Your role may not '{action}'.");
        }

        // A field the step does not take is a client's mistake, said plainly rather than silently dropped.
        var foreign = request.GivenFields().Where(f => f != "note" && step.Fields.All(x => x.Name != f)).ToList();
        if (by == StepActor.Staff && foreign.Count > 0)
        {
            return Result<bool>.Invalid(foreign.ToDictionary(f => f, _ => new[]
            {
                $"'{action}' does not take this field; it takes {(step.Fields.Count == 0 ? "none" : string.Join(", ", step.Fields.Select(x => x.Name)))}.",
            }));
        }

        var context = await CaseSteps.ContextAsync(db, found, flow, actorName, viewer, services, clock.GetUtcNow(), ct);
        if (step.Refusal(context) is { } refusal)
        {
            return by == StepActor.Staff ? Result<bool>.Forbidden(refusal) : Result<bool>.Conflict(refusal);
        }

        await step.RecordAsync(context, request, ct);
        if (context.Failed)
        {
            db.ChangeTracker.Clear();
            return Result<bool>.Invalid(context.Errors);
        }

        found.Status = flow.Stage(move.TargetStage).Status;
        audit.Record(db, $"case.{action}", "Case", found.Reference, found.MunicipalityId);
        var result = await workflows.ResumeAsync(db, instance.Id, action, ct);
        return result.Outcome switch
        {
            ResumeOutcome.Transitioned => Result<bool>.Ok(true),
            ResumeOutcome.Forbidden => Result<bool>.Forbidden(result.Message ?? "Not allowed."),
            ResumeOutcome.Faulted => Result<bool>.Conflict("The step failed and was recorded as an incident; nothing changed. Try again."),
            _ => Result<bool>.Conflict(result.Message ?? "Someone else moved this case first; reload it."),
        };
    }

    /// <summary>
    /// The staff steps of the current stage this person may take: their role allows it and the step would not refuse them
    /// (e.g. only the account's owner decides), so a page never offers a form that would be refused.
    /// </summary>
    public async Task<IReadOnlyList<CaseStep>> AvailableAsync(Case found, CaseFlow flow, string stage, string actorName, Viewer viewer,
        CancellationToken ct)
    {
        var steps = flow.Definition.Stage(stage).Actions.Values
            .Where(a => a.AllowedRoles.Count == 0 || a.AllowedRoles.Any(viewer.Is))
            .Select(a => flow.Step(a.Name))
            .Where(s => s.TakenBy == StepActor.Staff)
            .ToList();
        if (steps.Count == 0)
        {
            return steps;
        }

        var context = await CaseSteps.ContextAsync(db, found, flow, actorName, viewer, services, clock.GetUtcNow(), ct);
        return steps.Where(s => s.Refusal(context) is null).ToList();
    }
}
