using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Platform.Workflows;

public enum WorkflowStatus
{
    Running = 1,
    Completed = 2,
    Cancelled = 3,
    Suspended = 4,
}

public enum BookmarkKind
{
    /// <summary>A human task: the stage waits for one of its actions.</summary>
    Task = 1,

    /// <summary>A timer: fires at <see cref="WorkflowBookmark.DueAt"/>.</summary>
    Timer = 2,
}

/// <summary>One running workflow, pinned to the definition version it started on.</summary>
public sealed class WorkflowInstance : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid MunicipalityId { get; set; }

    public string DefinitionName { get; set; } = "";

    public int DefinitionVersion { get; set; }

    /// <summary>What the workflow is about, e.g. a case reference.</summary>
    public string CorrelationId { get; set; } = "";

    public string Stage { get; set; } = "";

    public WorkflowStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token: bumped on every change, so two hosts cannot both move one instance.</summary>
    public int Revision { get; set; }

    /// <summary>How many journal entries the instance has; numbers them in order.</summary>
    public int JournalLength { get; set; }
}

/// <summary>Where an instance waits: the open task of its stage, or a timer.</summary>
public sealed class WorkflowBookmark : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid MunicipalityId { get; set; }

    public BookmarkKind Kind { get; set; }

    public string Stage { get; set; } = "";

    /// <summary>The stage name for a task, the timer name for a timer.</summary>
    public string Name { get; set; } = "";

    public string? AssigneeRole { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>How <see cref="DueAt"/> was computed, one step per line, and any later move (a pause).</summary>
    public string? DueExplanation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public string? ConsumedBy { get; set; }
}

/// <summary>Everything that happened to an instance, in order.</summary>
public sealed class WorkflowJournalEntry : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid MunicipalityId { get; set; }

    /// <summary>1, 2, 3... within the instance.</summary>
    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Started, Transitioned, TimerFired, Faulted, Completed.</summary>
    public string Event { get; set; } = "";

    public string? FromStage { get; set; }

    public string? ToStage { get; set; }

    public string? Action { get; set; }

    public string? Actor { get; set; }

    public string? Details { get; set; }
}

/// <summary>A fault while moving an instance. The move was rolled back; the instance can be resumed again.</summary>
public sealed class WorkflowIncident : IMunicipalityOwned
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid MunicipalityId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Stage { get; set; } = "";

    public string? Action { get; set; }

    public string Error { get; set; } = "";

    public DateTimeOffset? ResolvedAt { get; set; }
}

internal static class WorkflowModel
{
    public static void Configure(ModelBuilder model, string prefix)
    {
        model.Entity<WorkflowInstance>(e =>
        {
            e.ToTable($"{prefix}_workflow_instances");
            e.Property(i => i.DefinitionName).HasMaxLength(100);
            e.Property(i => i.CorrelationId).HasMaxLength(100);
            e.Property(i => i.Stage).HasMaxLength(100);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => i.CorrelationId);
        });
        model.Entity<WorkflowBookmark>(e =>
        {
            e.ToTable($"{prefix}_workflow_bookmarks");
            e.Property(b => b.Stage).HasMaxLength(100);
            e.Property(b => b.Name).HasMaxLength(100);
            e.Property(b => b.AssigneeRole).HasMaxLength(100);
            e.Property(b => b.ConsumedBy).HasMaxLength(100);
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(b => b.InstanceId);
            e.HasIndex(b => new { b.ConsumedAt, b.Kind, b.DueAt });
            // An instance's open task or timers: read on every step, case page and case list.
            e.HasIndex(b => new { b.InstanceId, b.ConsumedAt, b.Kind });
        });
        model.Entity<WorkflowJournalEntry>(e =>
        {
            e.ToTable($"{prefix}_workflow_journal");
            e.Property(j => j.Event).HasMaxLength(50);
            e.Property(j => j.FromStage).HasMaxLength(100);
            e.Property(j => j.ToStage).HasMaxLength(100);
            e.Property(j => j.Action).HasMaxLength(100);
            e.Property(j => j.Actor).HasMaxLength(256);
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(j => j.InstanceId);
            e.HasIndex(j => new { j.InstanceId, j.Number }).IsUnique();
        });
        model.Entity<WorkflowIncident>(e =>
        {
            e.ToTable($"{prefix}_workflow_incidents");
            e.Property(i => i.Stage).HasMaxLength(100);
            e.Property(i => i.Action).HasMaxLength(100);
            e.Property(i => i.Error).HasMaxLength(4000);
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(i => i.InstanceId);
        });
    }
}
