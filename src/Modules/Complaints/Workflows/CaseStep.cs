using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Staff;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Complaints.Workflows;

/// <summary>Who takes a step: staff through the case page and API, or only the resident through their tracking link.</summary>
internal enum StepActor
{
    Staff = 1,
    Resident = 2,
}

/// <summary>The kinds of form field a step asks for; the case page draws each the same way.</summary>
internal enum FieldKind
{
    Text,
    LongText,
    Choice,
    MultipleChoice,
    Date,
    Number,
    Check,
    /// <summary>A list, one item per line (passages to redact).</summary>
    Lines,
    /// <summary>One answer per Human Rights Code ground the resident raised (R8).</summary>
    GroundAnswers,
    /// <summary>A rule from the house rules in force on the day of the action (R4, R9).</summary>
    Rule,
    /// <summary>A registered social media account of the municipality.</summary>
    Account,
}

/// <summary>A form field of a step: its name in <see cref="CaseActionRequest"/>, its label and limits.</summary>
internal sealed record StepField(string Name, string Label, FieldKind Kind, bool Required = true, int? MaxLength = null,
    string? Hint = null, IReadOnlyList<(string Value, string Label)>? Options = null);

/// <summary>
/// One workflow action, typed: its label, its form fields, who may take it beyond the stage's roles, what it checks,
/// what it records and who is told. Registered with its flow definition (<see cref="CaseFlow"/>); the runtime moves the
/// stage only after <see cref="RecordAsync"/> found nothing wrong, in the same transaction.
/// </summary>
internal abstract class CaseStep
{
    /// <summary>The action's name in the API and the journal (stable: integrations rely on it).</summary>
    public abstract string Action { get; }

    /// <summary>The button and heading on the case page.</summary>
    public abstract string Label { get; }

    public virtual StepActor TakenBy => StepActor.Staff;

    public virtual IReadOnlyList<StepField> Fields => [];

    /// <summary>A refusal beyond the stage's roles (e.g. only the account's owner decides), in plain words; null to allow.</summary>
    public virtual string? Refusal(StepContext step) => null;

    /// <summary>Checks the request (errors go to <see cref="StepContext.Error"/>) and records the step's effects.</summary>
    public abstract Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct);

    /// <summary>What a timer taking this step records (a deadline passed); the public timeline says so by default.</summary>
    public virtual Task ByTimerAsync(StepContext step, CancellationToken ct)
    {
        step.Timeline(Visibility.Public, $"The deadline passed: {Label.ToLowerInvariant()}.");
        return Task.CompletedTask;
    }
}

/// <summary>What a step works with: the case, who acts, the clock, the protocol, the mail, and its errors.</summary>
internal sealed class StepContext(ComplaintsDbContext db, Case found, CaseFlow flow, string actorName, Viewer viewer,
    IServiceProvider services, DateTimeOffset now, DateOnly today, ComplaintProtocol protocol)
{
    public ComplaintsDbContext Db => db;

    public Case Case => found;

    public CaseFlow Flow => flow;

    public string ActorName => actorName;

    public Viewer Viewer => viewer;

    public DateTimeOffset Now => now;

    /// <summary>Today in the municipality's time zone.</summary>
    public DateOnly Today => today;

    public ComplaintProtocol Protocol => protocol;

    public CaseMail Mail => services.GetRequiredService<CaseMail>();

    public Dictionary<string, string[]> Errors { get; } = [];

    public bool Failed => Errors.Count > 0;

    public void Error(string field, string message) => Errors[field] = [message];

    public void AddErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            Errors[field] = messages;
        }
    }

    public T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    public void Timeline(Visibility visibility, string text) => db.Timeline.Add(new TimelineEntry
    {
        Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = now, Visibility = visibility, Text = text,
        By = actorName,
    });

    /// <summary>The case's report, created on first use.</summary>
    public async Task<ComplaintReport> ReportAsync(CancellationToken ct)
    {
        var report = db.Reports.Local.FirstOrDefault(r => r.CaseId == found.Id)
            ?? await db.Reports.FirstOrDefaultAsync(r => r.CaseId == found.Id, ct);
        if (report is null)
        {
            report = new ComplaintReport { CaseId = found.Id };
            db.Reports.Add(report);
        }

        return report;
    }

    public async Task<AppealDecision?> DecisionAsync(CancellationToken ct)
        => db.Decisions.Local.FirstOrDefault(d => d.CaseId == found.Id) ?? await db.Decisions.FirstOrDefaultAsync(d => d.CaseId == found.Id, ct);
}
