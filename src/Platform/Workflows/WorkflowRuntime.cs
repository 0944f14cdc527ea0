using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Platform.Workflows;

/// <summary>What a hook sees: the module's context (its changes commit with the step), the instance, the clock.</summary>
public sealed class WorkflowStepContext
{
    public required DbContext Db { get; init; }

    public required WorkflowInstance Instance { get; init; }

    public required IServiceProvider Services { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The action or timer being processed; null when the workflow starts.</summary>
    public string? Trigger { get; init; }
}

public enum ResumeOutcome
{
    Transitioned,
    /// <summary>The bookmark was already consumed: nothing changed.</summary>
    AlreadyConsumed,
    /// <summary>The action does not exist in the current stage, or the instance is not running.</summary>
    NotAllowed,
    /// <summary>The caller's roles may not take this action.</summary>
    Forbidden,
    /// <summary>Another resume of the same instance won; nothing changed.</summary>
    Conflict,
    /// <summary>A hook or the save failed; the step was rolled back and an incident recorded.</summary>
    Faulted,
}

public sealed record ResumeResult(ResumeOutcome Outcome, string Stage, string? Message = null, Guid? IncidentId = null)
{
    public bool Succeeded => Outcome == ResumeOutcome.Transitioned;
}

/// <summary>A module's workflow definitions, every version it still has instances of.</summary>
public interface IWorkflowDefinitionSource
{
    IReadOnlyList<WorkflowDefinition> Definitions { get; }
}

public sealed record WorkflowDefinitionSource(IReadOnlyList<WorkflowDefinition> Definitions) : IWorkflowDefinitionSource;

/// <summary>Definitions by name and version; new instances start on the latest version.</summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<(string, int), WorkflowDefinition> _definitions = [];

    public WorkflowRegistry(IEnumerable<IWorkflowDefinitionSource> sources)
    {
        foreach (var definition in sources.SelectMany(s => s.Definitions))
        {
            Register(definition);
        }
    }

    public void Register(WorkflowDefinition definition) => _definitions.Add((definition.Name, definition.Version), definition);

    public WorkflowDefinition Get(string name, int version) => _definitions.TryGetValue((name, version), out var d)
        ? d
        : throw new InvalidOperationException($"Workflow {name} v{version} is not registered.");

    public WorkflowDefinition Latest(string name) => _definitions.Values.Where(d => d.Name == name)
        .MaxBy(d => d.Version) ?? throw new InvalidOperationException($"Workflow {name} is not registered.");
}

/// <summary>
/// Runs workflow instances stored in a module's own tables. Every step (the caller's pending changes, the
/// instance, its bookmarks, journal and outbox rows) commits in one SaveChanges, so in one transaction.
/// One step at a time per instance: a striped lock within this host and a concurrency token across hosts.
/// Call it last in a handler: it saves the caller's pending changes with the step, or none of them.
/// </summary>
public sealed class WorkflowRuntime(
    WorkflowRegistry registry,
    IServiceProvider services,
    ICurrentActor actor,
    TimeProvider clock,
    ILogger<WorkflowRuntime> logger)
{
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Starts an instance at the definition's first stage, or at <paramref name="startAt"/> (e.g. held).</summary>
    public async Task<WorkflowInstance> StartAsync(DbContext db, string definitionName, Guid municipalityId,
        string correlationId, CancellationToken cancellationToken, string? startAt = null)
    {
        var definition = registry.Latest(definitionName);
        var first = startAt is null ? definition.InitialStage : definition.Stage(startAt).Name;
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            MunicipalityId = municipalityId,
            DefinitionName = definition.Name,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            Stage = first,
            Status = WorkflowStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
            Revision = 1,
        };
        db.Add(instance);
        Journal(db, instance, "Started", null, first, null, now);
        await EnterStageAsync(db, definition, instance, null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return instance;
    }

    public WorkflowDefinition DefinitionOf(WorkflowInstance instance)
        => registry.Get(instance.DefinitionName, instance.DefinitionVersion);

    /// <summary>The actions of the current stage the current actor's roles allow.</summary>
    public IReadOnlyList<string> AllowedActions(WorkflowInstance instance)
    {
        if (instance.Status != WorkflowStatus.Running)
        {
            return [];
        }

        return DefinitionOf(instance).Stage(instance.Stage).Actions.Values
            .Where(a => a.AllowedRoles.Count == 0 || a.AllowedRoles.Any(actor.IsInRole))
            .Select(a => a.Name)
            .ToList();
    }

    /// <summary>Takes <paramref name="action"/> on the open task of the instance's current stage.</summary>
    public Task<ResumeResult> ResumeAsync(DbContext db, Guid instanceId, string action,
        CancellationToken cancellationToken, Guid? bookmarkId = null)
        => StepAsync(db, instanceId, action, async (definition, instance, open, now) =>
        {
            var task = open.FirstOrDefault(b => b.Kind == BookmarkKind.Task);
            if (bookmarkId is { } expected && task?.Id != expected)
            {
                return new ResumeResult(ResumeOutcome.AlreadyConsumed, instance.Stage, "That task is already done.");
            }

            if (task is null || !definition.Stage(instance.Stage).Actions.TryGetValue(action, out var step))
            {
                return new ResumeResult(ResumeOutcome.NotAllowed, instance.Stage,
                    $"'{action}' is not possible at stage '{instance.Stage}'.");
            }

            if (step.AllowedRoles.Count > 0 && !step.AllowedRoles.Any(actor.IsInRole))
            {
                return new ResumeResult(ResumeOutcome.Forbidden, instance.Stage, $"Your role may not '{action}'.");
            }

            await TransitionAsync(db, definition, instance, open, step, actor.Name, now, cancellationToken);
            return new ResumeResult(ResumeOutcome.Transitioned, instance.Stage);
        }, cancellationToken);

    /// <summary>Stops an instance for good, running or paused (e.g. the resident withdrew): open tasks and timers are closed.</summary>
    public Task<ResumeResult> CancelAsync(DbContext db, Guid instanceId, string reason, CancellationToken cancellationToken)
        => StepAsync(db, instanceId, "cancel", (_, instance, open, now) =>
        {
            foreach (var bookmark in open)
            {
                bookmark.ConsumedAt = now;
                bookmark.ConsumedBy = "cancel";
            }

            instance.Status = WorkflowStatus.Cancelled;
            Touch(instance, now);
            Journal(db, instance, "Cancelled", instance.Stage, null, "cancel", now, reason);
            return Task.FromResult(new ResumeResult(ResumeOutcome.Transitioned, instance.Stage));
        }, cancellationToken, expected: null);

    /// <summary>Pauses a running instance (e.g. the election blackout): no actions, no timers, until resumed.</summary>
    public Task<ResumeResult> SuspendAsync(DbContext db, Guid instanceId, string reason, CancellationToken cancellationToken)
        => StepAsync(db, instanceId, "suspend", (_, instance, _, now) =>
        {
            instance.Status = WorkflowStatus.Suspended;
            Touch(instance, now);
            Journal(db, instance, "Suspended", instance.Stage, null, "suspend", now, reason);
            return Task.FromResult(new ResumeResult(ResumeOutcome.Transitioned, instance.Stage));
        }, cancellationToken, expected: WorkflowStatus.Running);

    /// <summary>Resumes a suspended instance; its open deadlines and timers move later by the time it was paused.</summary>
    public Task<ResumeResult> ContinueAsync(DbContext db, Guid instanceId, CancellationToken cancellationToken)
        => StepAsync(db, instanceId, "continue", async (_, instance, open, now) =>
        {
            var suspendedAt = await db.Set<WorkflowJournalEntry>().Where(j => j.InstanceId == instanceId && j.Event == "Suspended")
                .OrderByDescending(j => j.Number).Select(j => j.At).FirstAsync(cancellationToken);
            var paused = now - suspendedAt;
            foreach (var bookmark in open.Where(b => b.DueAt is not null))
            {
                bookmark.DueAt += paused;
                bookmark.DueExplanation = (bookmark.DueExplanation is null ? "" : bookmark.DueExplanation + "\n")
                    + $"Moved {paused.TotalDays:0.#} days later: the case was paused from {suspendedAt:yyyy-MM-dd} to {now:yyyy-MM-dd}.";
            }

            instance.Status = WorkflowStatus.Running;
            Touch(instance, now);
            Journal(db, instance, "Resumed", null, instance.Stage, "continue", now, $"paused {paused.TotalDays:0.#} days");
            return new ResumeResult(ResumeOutcome.Transitioned, instance.Stage);
        }, cancellationToken, expected: WorkflowStatus.Suspended);

    /// <summary>Fires every timer due now; returns how many fired. Called by the scheduler.</summary>
    public async Task<int> FireDueTimersAsync(DbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var running = db.Set<WorkflowInstance>().Where(i => i.Status == WorkflowStatus.Running).Select(i => i.Id);
        var due = await db.Set<WorkflowBookmark>().AsNoTracking()
            .Where(b => b.Kind == BookmarkKind.Timer && b.ConsumedAt == null && b.DueAt <= now && running.Contains(b.InstanceId))
            .OrderBy(b => b.DueAt)
            .Select(b => new { b.Id, b.InstanceId })
            .Take(200)
            .ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var timer in due)
        {
            var result = await FireTimerAsync(db, timer.InstanceId, timer.Id, cancellationToken);
            fired += result.Succeeded ? 1 : 0;
        }

        return fired;
    }

    private Task<ResumeResult> FireTimerAsync(DbContext db, Guid instanceId, Guid bookmarkId,
        CancellationToken cancellationToken)
        => StepAsync(db, instanceId, "timer", async (definition, instance, open, now) =>
        {
            var bookmark = open.FirstOrDefault(b => b.Id == bookmarkId);
            if (bookmark is null)
            {
                return new ResumeResult(ResumeOutcome.AlreadyConsumed, instance.Stage);
            }

            var timer = definition.Stage(bookmark.Stage).Timers.Single(t => t.Name == bookmark.Name);
            bookmark.ConsumedAt = now;
            bookmark.ConsumedBy = "timer";
            Journal(db, instance, "TimerFired", instance.Stage, null, timer.Name, now);
            if (timer.OnFire is not null)
            {
                await timer.OnFire(Context(db, instance, now, timer.Name), cancellationToken);
            }

            if (timer.Action is not null)
            {
                var step = definition.Stage(instance.Stage).Actions[timer.Action];
                await TransitionAsync(db, definition, instance, open, step, "system", now, cancellationToken);
            }
            else
            {
                Touch(instance, now);
            }

            return new ResumeResult(ResumeOutcome.Transitioned, instance.Stage);
        }, cancellationToken);

    private async Task<ResumeResult> StepAsync(DbContext db, Guid instanceId, string trigger,
        Func<WorkflowDefinition, WorkflowInstance, List<WorkflowBookmark>, DateTimeOffset, Task<ResumeResult>> step,
        CancellationToken cancellationToken, WorkflowStatus? expected = WorkflowStatus.Running)
    {
        var stripe = Stripes[(instanceId.GetHashCode() & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"Workflow instance {instanceId} not found.");
            await db.Entry(instance).ReloadAsync(cancellationToken); // another context may have moved it
            // No expected status: running or paused, not finished.
            if (expected is { } status ? instance.Status != status : instance.Status is not (WorkflowStatus.Running or WorkflowStatus.Suspended))
            {
                return new ResumeResult(ResumeOutcome.NotAllowed, instance.Stage, $"The workflow is {instance.Status}.");
            }

            var open = await db.Set<WorkflowBookmark>()
                .Where(b => b.InstanceId == instanceId && b.ConsumedAt == null)
                .ToListAsync(cancellationToken);
            foreach (var bookmark in open)
            {
                await db.Entry(bookmark).ReloadAsync(cancellationToken);
            }

            open.RemoveAll(b => b.ConsumedAt is not null);
            var now = clock.GetUtcNow();
            var stage = instance.Stage;
            var revision = instance.Revision;
            try
            {
                var result = await step(DefinitionOf(instance), instance, open, now);
                if (result.Succeeded)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                else
                {
                    db.ChangeTracker.Clear();
                }

                return result;
            }
            catch (DbUpdateException ex)
            {
                db.ChangeTracker.Clear();
                // Another host moved the instance first. Its step may also have taken this step's journal number,
                // which fails the save before the concurrency token is checked: still a conflict, not a fault.
                if (ex is DbUpdateConcurrencyException || await RevisionAsync(db, instanceId, cancellationToken) != revision)
                {
                    return new ResumeResult(ResumeOutcome.Conflict, stage, "The case was changed by someone else.");
                }

                return await FaultAsync(db, instanceId, stage, trigger, now, ex, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                return await FaultAsync(db, instanceId, stage, trigger, now, ex, cancellationToken);
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    private static Task<int> RevisionAsync(DbContext db, Guid instanceId, CancellationToken cancellationToken)
        => db.Set<WorkflowInstance>().AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Revision)
            .FirstAsync(cancellationToken);

    /// <summary>Records a failed step as an incident; the step itself was rolled back.</summary>
    private async Task<ResumeResult> FaultAsync(DbContext db, Guid instanceId, string stage, string trigger,
        DateTimeOffset now, Exception ex, CancellationToken cancellationToken)
    {
        logger.LogError(ex, "Workflow {Instance} faulted at {Stage} on {Trigger}", instanceId, stage, trigger);
        var instance = await db.Set<WorkflowInstance>().FirstAsync(i => i.Id == instanceId, cancellationToken);
        Touch(instance, now);
        var incident = new WorkflowIncident
        {
            Id = Guid.CreateVersion7(now),
            InstanceId = instanceId,
            MunicipalityId = instance.MunicipalityId,
            At = now,
            Stage = stage,
            Action = trigger,
            Error = ex.Message.Length > 4000 ? ex.Message[..4000] : ex.Message,
        };
        db.Add(incident);
        Journal(db, instance, "Faulted", stage, null, trigger, now, incident.Error);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ResumeResult(ResumeOutcome.Faulted, stage, "The step failed and was recorded as an incident.", incident.Id);
    }

    private async Task TransitionAsync(DbContext db, WorkflowDefinition definition, WorkflowInstance instance,
        List<WorkflowBookmark> open, WorkflowAction step, string by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var bookmark in open.Where(b => b.ConsumedAt is null))
        {
            bookmark.ConsumedAt = now;
            bookmark.ConsumedBy = step.Name;
        }

        var from = instance.Stage;
        instance.Stage = step.TargetStage;
        Touch(instance, now);
        Journal(db, instance, "Transitioned", from, step.TargetStage, step.Name, now, actorName: by);
        await EnterStageAsync(db, definition, instance, step.Name, now, cancellationToken);
    }

    private async Task EnterStageAsync(DbContext db, WorkflowDefinition definition, WorkflowInstance instance,
        string? trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stage = definition.Stage(instance.Stage);
        var context = Context(db, instance, now, trigger);
        if (stage.IsFinal)
        {
            instance.Status = WorkflowStatus.Completed;
            Journal(db, instance, "Completed", null, stage.Name, trigger, now);
        }
        else
        {
            var due = stage.Due is null ? null : await stage.Due(context, cancellationToken);
            db.Add(Bookmark(instance, BookmarkKind.Task, stage.Name, stage.AssigneeRole, due, now));
            foreach (var timer in stage.Timers)
            {
                db.Add(Bookmark(instance, BookmarkKind.Timer, timer.Name, null, await timer.At(context, cancellationToken), now));
            }
        }

        if (stage.OnEnter is not null)
        {
            await stage.OnEnter(context, cancellationToken);
        }
    }

    private WorkflowStepContext Context(DbContext db, WorkflowInstance instance, DateTimeOffset now, string? trigger)
        => new() { Db = db, Instance = instance, Services = services, Now = now, Trigger = trigger };

    private static WorkflowBookmark Bookmark(WorkflowInstance instance, BookmarkKind kind, string name,
        string? role, WorkflowDue? due, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InstanceId = instance.Id,
        MunicipalityId = instance.MunicipalityId,
        Kind = kind,
        Stage = instance.Stage,
        Name = name,
        AssigneeRole = role,
        DueAt = due?.At,
        DueExplanation = due is { Explanation.Count: > 0 } ? string.Join('\n', due.Explanation) : null,
        CreatedAt = now,
    };

    private static void Touch(WorkflowInstance instance, DateTimeOffset now)
    {
        instance.UpdatedAt = now;
        instance.Revision++;
    }

    private void Journal(DbContext db, WorkflowInstance instance, string what, string? from, string? to,
        string? action, DateTimeOffset now, string? details = null, string? actorName = null)
        => db.Add(new WorkflowJournalEntry
        {
            Id = Guid.CreateVersion7(now),
            Number = ++instance.JournalLength,
            InstanceId = instance.Id,
            MunicipalityId = instance.MunicipalityId,
            At = now,
            Event = what,
            FromStage = from,
            ToStage = to,
            Action = action,
            Actor = actorName ?? actor.Name,
            Details = details,
        });
}
