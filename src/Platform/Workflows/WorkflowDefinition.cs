namespace Governance.Platform.Workflows;

/// <summary>
/// A versioned workflow: stages that are human tasks (an assignee role, a due date, the actions that move on)
/// with timers for reminders and escalations. Shaped after Elsa's concepts so Elsa could replace the runtime:
/// a definition has a name and version, an instance stays pinned to the version it started on.
/// </summary>
public sealed class WorkflowDefinition
{
    internal WorkflowDefinition(string name, int version, string initialStage,
        IReadOnlyDictionary<string, WorkflowStage> stages)
    {
        Name = name;
        Version = version;
        InitialStage = initialStage;
        Stages = stages;
    }

    public string Name { get; }

    public int Version { get; }

    public string InitialStage { get; }

    public IReadOnlyDictionary<string, WorkflowStage> Stages { get; }

    public WorkflowStage Stage(string name) => Stages.TryGetValue(name, out var stage)
        ? stage
        : throw new InvalidOperationException($"Workflow {Name} v{Version} has no stage '{name}'.");

    public static WorkflowDefinitionBuilder Create(string name, int version) => new(name, version);
}

/// <summary>A computed moment and how it was computed, in plain words, kept with the task so it is shown as stored.</summary>
public sealed record WorkflowDue(DateTimeOffset At, IReadOnlyList<string> Explanation)
{
    public static implicit operator WorkflowDue(DateTimeOffset at) => new(at, []);
}

/// <summary>Computes a moment (a due date, a timer) when a stage is entered; may ask the calendar (R14).</summary>
public delegate ValueTask<WorkflowDue> WorkflowTime(WorkflowStepContext context, CancellationToken cancellationToken);

/// <summary>Plain calendar offsets for definitions that do not count business days.</summary>
public static class After
{
    public static WorkflowTime Days(double days) => (c, _) => ValueTask.FromResult<WorkflowDue>(c.Now.AddDays(days));
}

/// <summary>Work done on entering a stage or when a timer fires; runs in the same transaction.</summary>
public delegate Task WorkflowHook(WorkflowStepContext context, CancellationToken cancellationToken);

public sealed record WorkflowAction(string Name, string TargetStage, IReadOnlySet<string> AllowedRoles);

public sealed record WorkflowTimer(string Name, WorkflowTime At, string? Action, WorkflowHook? OnFire);

public sealed class WorkflowStage
{
    public required string Name { get; init; }

    public string? AssigneeRole { get; init; }

    public WorkflowTime? Due { get; init; }

    public IReadOnlyDictionary<string, WorkflowAction> Actions { get; init; } = new Dictionary<string, WorkflowAction>();

    public IReadOnlyList<WorkflowTimer> Timers { get; init; } = [];

    public WorkflowHook? OnEnter { get; init; }

    public bool IsFinal => Actions.Count == 0;
}

public sealed class WorkflowDefinitionBuilder(string name, int version)
{
    private readonly Dictionary<string, WorkflowStage> _stages = [];
    private string? _initial;

    public WorkflowDefinitionBuilder Stage(string stageName, Action<StageBuilder> configure)
    {
        var builder = new StageBuilder(stageName);
        configure(builder);
        _stages.Add(stageName, builder.Build());
        _initial ??= stageName;
        return this;
    }

    public WorkflowDefinitionBuilder Final(string stageName, WorkflowHook? onEnter = null)
    {
        _stages.Add(stageName, new WorkflowStage { Name = stageName, OnEnter = onEnter });
        _initial ??= stageName;
        return this;
    }

    public WorkflowDefinition Build()
    {
        foreach (var stage in _stages.Values)
        {
            foreach (var target in stage.Actions.Values.Select(a => a.TargetStage).Concat(
                         stage.Timers.Where(t => t.Action is not null).Select(t => stage.Actions[t.Action!].TargetStage)))
            {
                if (!_stages.ContainsKey(target))
                {
                    throw new InvalidOperationException($"Workflow {name}: stage '{stage.Name}' leads to unknown '{target}'.");
                }
            }
        }

        return new WorkflowDefinition(name, version, _initial ?? throw new InvalidOperationException("No stages."),
            _stages);
    }

    public sealed class StageBuilder(string stageName)
    {
        private readonly Dictionary<string, WorkflowAction> _actions = [];
        private readonly List<WorkflowTimer> _timers = [];
        private string? _role;
        private WorkflowTime? _due;
        private WorkflowHook? _onEnter;

        public StageBuilder AssignedTo(string role)
        {
            _role = role;
            return this;
        }

        public StageBuilder DueAt(WorkflowTime due)
        {
            _due = due;
            return this;
        }

        public StageBuilder OnEnter(WorkflowHook hook)
        {
            _onEnter = hook;
            return this;
        }

        /// <summary>An action that moves the instance to <paramref name="target"/>; no roles means any staff role.</summary>
        public StageBuilder On(string action, string target, params string[] roles)
        {
            _actions.Add(action, new WorkflowAction(action, target, roles.ToHashSet()));
            return this;
        }

        /// <summary>A timer; with an action it moves the instance on (an escalation), else it only runs its hook.</summary>
        public StageBuilder Timer(string timerName, WorkflowTime at, string? action = null, WorkflowHook? onFire = null)
        {
            if (action is not null && !_actions.ContainsKey(action))
            {
                throw new InvalidOperationException($"Timer '{timerName}' names unknown action '{action}'.");
            }

            _timers.Add(new WorkflowTimer(timerName, at, action, onFire));
            return this;
        }

        internal WorkflowStage Build() => new()
        {
            Name = stageName,
            AssigneeRole = _role,
            Due = _due,
            Actions = _actions,
            Timers = _timers,
            OnEnter = _onEnter,
        };
    }
}
