using Governance.Platform.Mail;
using Governance.Platform.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Platform.Tests;

public sealed class WorkflowRuntimeTests : IAsyncLifetime
{
    private static readonly Guid Town = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private readonly PlatformFixture _platform = new();

    /// <summary>Set by a test to make the review stage's entry hook fail, as a bug or an outage would.</summary>
    private bool _reviewFails;

    public Task InitializeAsync()
    {
        var registry = _platform.Services.GetRequiredService<WorkflowRegistry>();
        registry.Register(SampleV1());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    /// <summary>draft --submit--> review --approve--> done; review reminds after 2 days and escalates after 5.</summary>
    private WorkflowDefinition SampleV1() => WorkflowDefinition.Create("sample", 1)
        .Stage("draft", s => s.AssignedTo("Clerk").DueAt(After.Days(3)).On("submit", "review"))
        .Stage("review", s => s
            .AssignedTo("IntegrityCommissioner")
            .DueAt(After.Days(5))
            .OnEnter((_, _) => _reviewFails ? throw new InvalidOperationException("mail server down") : Task.CompletedTask)
            .On("approve", "done", "IntegrityCommissioner")
            .On("escalate", "escalated")
            .Timer("reminder", After.Days(2), onFire: (c, _) =>
            {
                c.Services.GetRequiredService<Outbox.Outbox>().Mail(c.Db,
                    new OutgoingMail("ic@example.test", "Reminder", $"Case {c.Instance.CorrelationId} is waiting."));
                return Task.CompletedTask;
            })
            .Timer("escalation", After.Days(5), action: "escalate"))
        .Final("done")
        .Final("escalated")
        .Build();

    private async Task<WorkflowInstance> StartAsync(string correlation = "CASE-1")
    {
        using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .StartAsync(db, "sample", Town, correlation, CancellationToken.None);
    }

    private async Task<ResumeResult> ResumeAsync(Guid instance, string action, Guid? bookmark = null)
    {
        using var scope = _platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .ResumeAsync(db, instance, action, CancellationToken.None, bookmark);
    }

    private async Task<T> QueryAsync<T>(Func<TestDbContext, Task<T>> query)
    {
        using var scope = _platform.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    [Fact]
    public async Task Sample_two_step_definition_runs_to_the_end()
    {
        _platform.Actor.Roles.Add("IntegrityCommissioner");
        var instance = await StartAsync();

        Assert.Equal(ResumeOutcome.Transitioned, (await ResumeAsync(instance.Id, "submit")).Outcome);
        Assert.Equal(ResumeOutcome.Transitioned, (await ResumeAsync(instance.Id, "approve")).Outcome);

        var stored = await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync());
        Assert.Equal(("done", WorkflowStatus.Completed), (stored.Stage, stored.Status));
        var journal = await QueryAsync(db => db.Set<WorkflowJournalEntry>().OrderBy(j => j.Number)
            .Select(j => j.Event + ":" + j.ToStage).ToListAsync());
        Assert.Equal(["Started:draft", "Transitioned:review", "Transitioned:done", "Completed:done"], journal);
        Assert.Equal(0, await QueryAsync(db => db.Set<WorkflowBookmark>().CountAsync(b => b.ConsumedAt == null)));
        Assert.Equal(ResumeOutcome.NotAllowed, (await ResumeAsync(instance.Id, "approve")).Outcome);
    }

    [Fact]
    public async Task Action_outside_the_current_stage_or_role_changes_nothing()
    {
        var instance = await StartAsync();
        Assert.Equal(ResumeOutcome.NotAllowed, (await ResumeAsync(instance.Id, "approve")).Outcome);
        await ResumeAsync(instance.Id, "submit");
        Assert.Equal(ResumeOutcome.Forbidden, (await ResumeAsync(instance.Id, "approve")).Outcome); // not the IC
        var stored = await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync());
        Assert.Equal("review", stored.Stage);
    }

    [Fact]
    public async Task Timers_fire_on_the_fake_clock_once_each()
    {
        var instance = await StartAsync();
        await ResumeAsync(instance.Id, "submit");

        async Task<int> FireAsync()
        {
            using var scope = _platform.Scope();
            return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                .FireDueTimersAsync(scope.ServiceProvider.GetRequiredService<TestDbContext>(), CancellationToken.None);
        }

        _platform.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await FireAsync());

        _platform.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await FireAsync());
        Assert.Equal(0, await FireAsync()); // a fired timer is consumed
        Assert.Equal(1, await QueryAsync(db => db.Set<Outbox.OutboxMessage>().CountAsync()));
        Assert.Equal("review", (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync())).Stage);

        _platform.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await FireAsync());
        var stored = await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync());
        Assert.Equal(("escalated", WorkflowStatus.Completed), (stored.Stage, stored.Status));
    }

    [Fact]
    public async Task Two_concurrent_resumes_of_one_bookmark_make_exactly_one_transition()
    {
        var instance = await StartAsync();
        var bookmark = await QueryAsync(db => db.Set<WorkflowBookmark>()
            .SingleAsync(b => b.InstanceId == instance.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task));

        var results = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => ResumeAsync(instance.Id, "submit", bookmark.Id))));

        Assert.Single(results, r => r.Outcome == ResumeOutcome.Transitioned);
        Assert.Single(results, r => r.Outcome is ResumeOutcome.AlreadyConsumed or ResumeOutcome.Conflict);
        Assert.Equal(1, await QueryAsync(db => db.Set<WorkflowJournalEntry>().CountAsync(j => j.Event == "Transitioned")));
        Assert.Equal(2, (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync())).Revision);
    }

    [Fact]
    public async Task Resuming_a_consumed_bookmark_changes_nothing()
    {
        var instance = await StartAsync();
        var bookmark = await QueryAsync(db => db.Set<WorkflowBookmark>().SingleAsync(b => b.Kind == BookmarkKind.Task));
        await ResumeAsync(instance.Id, "submit", bookmark.Id);
        var before = await QueryAsync(db => db.Set<WorkflowJournalEntry>().CountAsync());

        var again = await ResumeAsync(instance.Id, "submit", bookmark.Id);

        Assert.Equal(ResumeOutcome.AlreadyConsumed, again.Outcome);
        Assert.Equal(before, await QueryAsync(db => db.Set<WorkflowJournalEntry>().CountAsync()));
    }

    [Fact]
    public async Task A_fault_records_an_incident_and_leaves_the_instance_resumable()
    {
        var instance = await StartAsync();
        _reviewFails = true;

        var failed = await ResumeAsync(instance.Id, "submit");

        Assert.Equal(ResumeOutcome.Faulted, failed.Outcome);
        var incident = await QueryAsync(db => db.Set<WorkflowIncident>().SingleAsync());
        Assert.Equal(("draft", "submit", "mail server down"), (incident.Stage, incident.Action, incident.Error));
        Assert.Equal("draft", (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync())).Stage);
        Assert.Equal(1, await QueryAsync(db => db.Set<WorkflowBookmark>().CountAsync(b => b.ConsumedAt == null)));

        _reviewFails = false;
        Assert.Equal(ResumeOutcome.Transitioned, (await ResumeAsync(instance.Id, "submit")).Outcome);
        Assert.Equal("review", (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync())).Stage);
    }

    [Fact]
    public async Task A_cancelled_instance_closes_its_tasks_and_timers_and_takes_no_more_actions()
    {
        var instance = await StartAsync();
        await ResumeAsync(instance.Id, "submit");
        using (var scope = _platform.Scope())
        {
            var cancelled = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                .CancelAsync(scope.ServiceProvider.GetRequiredService<TestDbContext>(), instance.Id, "withdrawn", CancellationToken.None);
            Assert.Equal(ResumeOutcome.Transitioned, cancelled.Outcome);
        }

        Assert.Equal(WorkflowStatus.Cancelled, (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync())).Status);
        Assert.Equal(0, await QueryAsync(db => db.Set<WorkflowBookmark>().CountAsync(b => b.ConsumedAt == null)));
        Assert.Equal(ResumeOutcome.NotAllowed, (await ResumeAsync(instance.Id, "approve")).Outcome);
        _platform.Clock.Advance(TimeSpan.FromDays(10));
        using var timers = _platform.Scope();
        Assert.Equal(0, await timers.ServiceProvider.GetRequiredService<WorkflowRuntime>()
            .FireDueTimersAsync(timers.ServiceProvider.GetRequiredService<TestDbContext>(), CancellationToken.None));
    }

    [Fact]
    public async Task A_suspended_instance_takes_no_action_fires_no_timer_and_its_deadlines_move_by_the_pause()
    {
        var instance = await StartAsync();
        await ResumeAsync(instance.Id, "submit");
        var dueBefore = await QueryAsync(db => db.Set<WorkflowBookmark>().Where(b => b.Kind == BookmarkKind.Task && b.ConsumedAt == null).Select(b => b.DueAt).SingleAsync());
        using (var scope = _platform.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                .SuspendAsync(scope.ServiceProvider.GetRequiredService<TestDbContext>(), instance.Id, "election blackout", CancellationToken.None);
        }

        Assert.Equal(ResumeOutcome.NotAllowed, (await ResumeAsync(instance.Id, "escalate")).Outcome);
        _platform.Clock.Advance(TimeSpan.FromDays(30));
        using (var scope = _platform.Scope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            Assert.Equal(0, await runtime.FireDueTimersAsync(db, CancellationToken.None));
            Assert.Equal(ResumeOutcome.Transitioned, (await runtime.ContinueAsync(db, instance.Id, CancellationToken.None)).Outcome);
        }

        var dueAfter = await QueryAsync(db => db.Set<WorkflowBookmark>().Where(b => b.Kind == BookmarkKind.Task && b.ConsumedAt == null).Select(b => b.DueAt).SingleAsync());
        Assert.Equal(dueBefore + TimeSpan.FromDays(30), dueAfter);
        Assert.Equal(ResumeOutcome.Transitioned, (await ResumeAsync(instance.Id, "escalate")).Outcome);
    }

    [Fact]
    public async Task Instances_stay_pinned_to_the_version_they_started_on()
    {
        var old = await StartAsync("OLD");
        _platform.Services.GetRequiredService<WorkflowRegistry>().Register(WorkflowDefinition.Create("sample", 2)
            .Stage("draft", s => s.On("submit", "done")).Final("done").Build());
        var fresh = await StartAsync("NEW");

        Assert.Equal((1, 2), (old.DefinitionVersion, fresh.DefinitionVersion));
        await ResumeAsync(old.Id, "submit");
        Assert.Equal("review", (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync(i => i.Id == old.Id))).Stage);
        await ResumeAsync(fresh.Id, "submit");
        Assert.Equal("done", (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync(i => i.Id == fresh.Id))).Stage);
    }
}
