using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Platform.Workflows;
using Governance.Policies.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Workflows;

/// <summary>A timer of a stage as people read it: when it fires and what it does.</summary>
internal sealed record TimerInfo(string Name, string When, string Does);

/// <summary>
/// What a stage means beyond the runtime: who acts, its business days (R14), what the resident reads, the case status
/// while there, and its timers. Part of the versioned definition, so a later version cannot change an earlier one.
/// </summary>
internal sealed record StageInfo(string Name, string Who, int? DueBusinessDays, string PublicText, CaseStatus Status,
    IReadOnlyList<TimerInfo> Timers);

/// <summary>
/// A case workflow definition: the runtime's <see cref="WorkflowDefinition"/> plus each stage's meaning and each
/// action's typed <see cref="CaseStep"/>. Built only through <see cref="Create"/>, so every action has its step.
/// </summary>
internal sealed class CaseFlow
{
    private CaseFlow(WorkflowDefinition definition, IReadOnlyList<StageInfo> stages, IReadOnlyDictionary<string, CaseStep> steps)
    {
        Definition = definition;
        Stages = stages;
        Steps = steps;
    }

    public WorkflowDefinition Definition { get; }

    public string Name => Definition.Name;

    public int Version => Definition.Version;

    /// <summary>The stages in the order a case usually moves through them.</summary>
    public IReadOnlyList<StageInfo> Stages { get; }

    public IReadOnlyDictionary<string, CaseStep> Steps { get; }

    public StageInfo Stage(string name) => Stages.FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"Workflow {Name} v{Version} has no stage '{name}'.");

    /// <summary>The step of an action; an unknown action fails loudly.</summary>
    public CaseStep Step(string action) => Steps.TryGetValue(action, out var step)
        ? step
        : throw new InvalidOperationException($"Workflow {Name} v{Version} has no step for action '{action}'.");

    /// <summary>
    /// Proves every action and timer action of the runtime definition has a typed step, and every stage its meaning;
    /// run at start-up, so a definition that would fail a case at run time stops the host instead.
    /// </summary>
    public void Verify()
    {
        foreach (var stage in Definition.Stages.Values)
        {
            _ = Stage(stage.Name);
            foreach (var action in stage.Actions.Keys)
            {
                _ = Step(action);
            }
        }
    }

    public static Builder Create(string name, int version) => new(name, version);

    /// <summary>The end of the n-th business day from now in the case's municipality, with how it was counted (R14).</summary>
    public static WorkflowTime BusinessDays(int days) => async (context, ct) =>
    {
        var deadline = await context.Services.GetRequiredService<IServiceCalendar>()
            .AddBusinessDaysAsync(context.Instance.MunicipalityId, context.Now, days, ct);
        return new WorkflowDue(deadline.Due, deadline.Steps);
    };

    internal sealed class Builder(string name, int version)
    {
        private readonly WorkflowDefinitionBuilder _definition = WorkflowDefinition.Create(name, version);
        private readonly List<StageInfo> _stages = [];
        private readonly Dictionary<string, CaseStep> _steps = [];

        public Builder Stage(string stage, Action<StageBuilder> configure)
        {
            var builder = new StageBuilder(this, stage);
            configure(builder);
            _definition.Stage(stage, builder.Configure);
            _stages.Add(builder.Info());
            return this;
        }

        public Builder Final(string stage, string publicText, CaseStatus status = CaseStatus.Closed)
        {
            _definition.Final(stage);
            _stages.Add(new StageInfo(stage, "Nobody: the case is finished", null, publicText, status, []));
            return this;
        }

        public CaseFlow Build()
        {
            var flow = new CaseFlow(_definition.Build(), _stages, _steps);
            flow.Verify();
            return flow;
        }

        internal void Register(CaseStep step)
        {
            if (_steps.TryGetValue(step.Action, out var known) && known.GetType() != step.GetType())
            {
                throw new InvalidOperationException($"Workflow {name} v{version}: action '{step.Action}' has two different steps.");
            }

            _steps[step.Action] = step;
        }
    }

    internal sealed class StageBuilder(Builder flow, string stage)
    {
        private readonly List<Action<WorkflowDefinitionBuilder.StageBuilder>> _configure = [];
        private readonly List<TimerInfo> _timers = [];
        private string _who = "";
        private string? _role;
        private int? _days;
        private string _public = "";
        private CaseStatus _status = CaseStatus.Open;
        private bool _remind = true;

        /// <summary>Who acts, in words for the "How a case moves" page, and the role the task is assigned to.</summary>
        public StageBuilder By(string who, string? role = null)
        {
            _who = who;
            _role = role;
            return this;
        }

        /// <summary>Due in business days, with a reminder the day before and an escalation to the IC when overdue.</summary>
        public StageBuilder Due(int businessDays)
        {
            _days = businessDays;
            _timers.Add(new TimerInfo("reminder", $"{Math.Max(0, businessDays - 1)} business days", "reminds whoever must act"));
            _timers.Add(new TimerInfo("escalation", $"{businessDays} business days", "tells the supervisor it is overdue"));
            return this;
        }

        /// <summary>A wait with a due date (the resident's answer) but no reminders to staff: a timer decides what follows.</summary>
        public StageBuilder Waits(int businessDays)
        {
            _days = businessDays;
            _remind = false;
            return this;
        }

        /// <summary>What the resident reads on their tracking page while the case is here.</summary>
        public StageBuilder Public(string text)
        {
            _public = text;
            return this;
        }

        public StageBuilder Status(CaseStatus status)
        {
            _status = status;
            return this;
        }

        /// <summary>An action: its typed step moves the case to <paramref name="target"/>; no roles means the resident's own step or any staff role the step allows.</summary>
        public StageBuilder On(CaseStep step, string target, params string[] roles)
        {
            flow.Register(step);
            _configure.Add(s => s.On(step.Action, target, roles));
            return this;
        }

        /// <summary>A timer that takes <paramref name="step"/> when <paramref name="at"/> comes (a deadline for someone else).</summary>
        public StageBuilder Timer(string name, WorkflowTime at, string when, CaseStep step)
        {
            _timers.Add(new TimerInfo(name, when, step.Label.ToLowerInvariant()));
            _configure.Add(s => s.Timer(name, at, action: step.Action, onFire: (context, ct) => CaseSteps.ByTimerAsync(context, step, ct)));
            return this;
        }

        internal void Configure(WorkflowDefinitionBuilder.StageBuilder stage)
        {
            if (_role is not null)
            {
                stage.AssignedTo(_role);
            }

            if (_days is { } days)
            {
                stage.DueAt(BusinessDays(days));
                if (_remind)
                {
                    stage.WithReminders(days);
                }
            }

            foreach (var configure in _configure)
            {
                configure(stage);
            }
        }

        internal StageInfo Info() => new(stage, _who, _days, _public, _status, _timers);
    }
}

/// <summary>Every case flow, every version still running, and the latest of each.</summary>
internal static class CaseFlows
{
    public static IReadOnlyList<CaseFlow> All { get; } =
        [Appeals.AppealFlow.V2, CodeOfConduct.ComplaintFlow.V1, CodeOfConduct.ComplaintFlow.V2];

    public static CaseFlow Get(string name, int version) => All.FirstOrDefault(f => f.Name == name && f.Version == version)
        ?? throw new InvalidOperationException($"No case flow {name} v{version}.");

    public static CaseFlow Latest(string name) => All.Where(f => f.Name == name).MaxBy(f => f.Version)
        ?? throw new InvalidOperationException($"No case flow {name}.");

    public static CaseFlow Of(WorkflowInstance instance) => Get(instance.DefinitionName, instance.DefinitionVersion);

    public static CaseFlow Latest(CaseKind kind) => Latest(kind == CaseKind.Appeal ? Appeals.AppealFlow.Name : CodeOfConduct.ComplaintFlow.Name);
}
