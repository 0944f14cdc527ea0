using System.Runtime.CompilerServices;
using System.Text;
using Governance.Complaints.Workflows;

namespace Governance.Complaints.Tests;

/// <summary>
/// The workflow definitions: every action has its typed step, an unknown action fails loudly, and each published version
/// matches its snapshot, so an edit in place of a version that cases run on fails here (make a new version instead).
/// </summary>
public sealed class FlowDefinitionTests
{
    public static TheoryData<string, int> Flows()
    {
        var data = new TheoryData<string, int>();
        foreach (var flow in CaseFlows.All)
        {
            data.Add(flow.Name, flow.Version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Every_action_of_every_stage_has_a_typed_step_with_a_label(string name, int version)
    {
        var flow = CaseFlows.Get(name, version);
        flow.Verify();
        foreach (var stage in flow.Definition.Stages.Values)
        {
            foreach (var action in stage.Actions.Keys)
            {
                var step = flow.Step(action);
                Assert.Equal(action, step.Action);
                Assert.False(string.IsNullOrWhiteSpace(step.Label));
            }
        }
    }

    [Fact]
    public void An_unknown_action_fails_loudly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseFlows.Latest(Domain.CaseKind.Appeal).Step("approve_everything"));
        Assert.Contains("approve_everything", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_that_gives_one_action_two_steps_does_not_build()
        => Assert.Throws<InvalidOperationException>(() => CaseFlow.Create("broken", 1)
            .Stage("one", s => s.On(new RequestInformation(), "two"))
            .Stage("two", s => s.On(new Broken(), "end"))
            .Final("end", "Closed")
            .Build());

    [Theory]
    [MemberData(nameof(Flows))]
    public void Each_version_matches_its_snapshot(string name, int version)
    {
        var actual = Describe(CaseFlows.Get(name, version));
        var file = Path.Combine(SnapshotFolder(), $"{name}.v{version}.txt");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, actual);
            Assert.Fail($"No snapshot of {name} v{version} existed; one was written to {file}. Check it and commit it.");
        }

        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>Everything a case relies on: stages, who acts, days, public texts, statuses, actions, roles, timers.</summary>
    internal static string Describe(CaseFlow flow)
    {
        var text = new StringBuilder().Append($"{flow.Name} v{flow.Version}\n");
        foreach (var info in flow.Stages)
        {
            var stage = flow.Definition.Stage(info.Name);
            text.Append($"\nstage {info.Name} [{info.Status}] by \"{info.Who}\" role={stage.AssigneeRole ?? "-"} days={info.DueBusinessDays?.ToString() ?? "-"}\n")
                .Append($"  public: {info.PublicText}\n");
            foreach (var action in stage.Actions.Values)
            {
                var step = flow.Step(action.Name);
                text.Append($"  {action.Name} -> {action.TargetStage} by {step.TakenBy} roles=[{string.Join(",", action.AllowedRoles.Order())}] fields=[{string.Join(",", step.Fields.Select(f => f.Name))}]\n");
            }

            foreach (var timer in stage.Timers)
            {
                text.Append($"  timer {timer.Name}{(timer.Action is null ? "" : $" -> {timer.Action}")}\n");
            }
        }

        return text.ToString();
    }

    private static string SnapshotFolder([CallerFilePath] string source = "")
        => Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(source)!, "Snapshots")).FullName;

    private sealed class Broken : CaseStep
    {
        public override string Action => "request_information";

        public override string Label => "Broken";

        public override Task RecordAsync(StepContext step, Features.Staff.CaseActionRequest request, CancellationToken ct) => Task.CompletedTask;
    }
}
