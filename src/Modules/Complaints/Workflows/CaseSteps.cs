using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Staff;
using Governance.Platform;
using Governance.Platform.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Workflows;

/// <summary>Builds a step's context, for a person's action or a timer's, and runs a timer's step.</summary>
internal static class CaseSteps
{
    public static async Task<StepContext> ContextAsync(ComplaintsDbContext db, Case found, CaseFlow flow, string actorName, Viewer viewer,
        IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var municipality = await services.GetRequiredService<IMunicipalityDirectory>().FindAsync(found.MunicipalityId, ct);
        var today = MunicipalTime.DayIn(now, municipality?.TimeZone);
        var protocol = await ProtocolOf(db, found.MunicipalityId, ct);
        return new StepContext(db, found, flow, actorName, viewer, services, now, today, protocol);
    }

    /// <summary>The municipality's complaint protocol, or the default (the statutory model) when the IC has not set one.</summary>
    public static async Task<ComplaintProtocol> ProtocolOf(ComplaintsDbContext db, Guid municipalityId, CancellationToken ct)
        => await db.Protocols.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.MunicipalityId == municipalityId, ct)
           ?? ComplaintProtocol.Default(municipalityId);

    /// <summary>A timer takes a step: its effects are recorded by "system" in the timer's transaction.</summary>
    public static async Task ByTimerAsync(WorkflowStepContext context, CaseStep step, CancellationToken ct)
    {
        var db = (ComplaintsDbContext)context.Db;
        var found = await db.Cases.IgnoreQueryFilters().Include(c => c.Appeal).Include(c => c.Complaint)
            .FirstAsync(c => c.Reference == context.Instance.CorrelationId, ct);
        var flow = CaseFlows.Of(context.Instance);
        var target = flow.Definition.Stage(context.Instance.Stage).Actions[step.Action].TargetStage;
        var stepContext = await ContextAsync(db, found, flow, "system", new Viewer(null, []), context.Services, context.Now, ct);
        await step.ByTimerAsync(stepContext, ct);
        found.Status = flow.Stage(target).Status;
    }
}

/// <summary>The case asks the resident for more information, with a deadline (both case kinds).</summary>
internal sealed class RequestInformation : CaseStep
{
    public override string Action => "request_information";

    public override string Label => "Ask the resident for more information";

    public override IReadOnlyList<StepField> Fields { get; } =
        [new("messageToResident", "What the resident is asked, in plain words", FieldKind.LongText, MaxLength: 4000)];

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.MessageToResident))
        {
            step.Error("messageToResident", "Write what the resident is asked, in plain words.");
            return Task.CompletedTask;
        }

        var message = request.MessageToResident.Trim();
        step.Timeline(Visibility.Public, $"We need more information: {message}");
        step.Mail.Resident(step.Case, "We need more information", $"We need more information:\n\n{message}\n\nYou can answer through your private link.");
        return Task.CompletedTask;
    }
}

/// <summary>The resident's answer through their tracking link ends the wait (they alone take this step).</summary>
internal sealed class InformationReceived : CaseStep
{
    public override string Action => "information_received";

    public override string Label => "The resident sent the information";

    public override StepActor TakenBy => StepActor.Resident;

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The case goes on without the information asked for: with a written reason, or when the deadline passes.</summary>
internal sealed class InformationOverdue : CaseStep
{
    public override string Action => "information_overdue";

    public override string Label => "Continue without the information";

    public override IReadOnlyList<StepField> Fields { get; } =
        [new("reasons", "Why go on without the information", FieldKind.LongText, MaxLength: 8000)];

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reasons))
        {
            step.Error("reasons", "Say why the case goes on without the information asked for.");
            return Task.CompletedTask;
        }

        step.Timeline(Visibility.Internal, $"Went on without the information asked for: {request.Reasons.Trim()}");
        step.Timeline(Visibility.Public, "We went on without the information we asked for.");
        return Task.CompletedTask;
    }

    public override Task ByTimerAsync(StepContext step, CancellationToken ct)
    {
        step.Timeline(Visibility.Public, "The time to send more information passed; we went on with what we have.");
        return Task.CompletedTask;
    }
}
