using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Platform.Workflows;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Staff;

/// <summary>Case counts a clerk may see without any file (R15): how many complaints are open, on hold, terminated or closed.</summary>
internal sealed record CaseCounts(int Open, int OnHold, int Terminated, int Closed);

/// <summary>
/// The case list: only the cases the caller may see (R15, the same rules as <see cref="Domain.NeedToKnow"/>, written as a
/// query), most urgent first, a page at a time.
/// </summary>
internal sealed class CaseQueue(ComplaintsDbContext db, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>R15 as a filter: the IC's team sees complaints; the member theirs once notified; the clerk those whose
    /// report reached council; the social media team appeals; the owner and the reviewer theirs.</summary>
    private IQueryable<Case> Visible(IQueryable<Case> cases)
    {
        var me = actor.UserId;
        var icTeam = actor.IsInRole(StaffRoles.IntegrityCommissioner) || actor.IsInRole(StaffRoles.Investigator);
        var clerk = actor.IsInRole(StaffRoles.Clerk);
        var socialMedia = actor.IsInRole(StaffRoles.SocialMediaManager) || actor.IsInRole(StaffRoles.Moderator);
        var issued = db.Reports.Where(r => r.FinalIssuedAt != null).Select(r => r.CaseId);
        var protocols = db.Protocols;
        return cases.Where(c =>
            (c.Kind == CaseKind.Complaint && c.Status != CaseStatus.AwaitingSignature
             && (icTeam
                 || (c.Complaint!.MemberNotifiedAt != null && c.Complaint.MemberUserId == me)
                 || (clerk && issued.Contains(c.Id))))
            || (c.Kind == CaseKind.Appeal
                && (socialMedia
                    || (c.Appeal!.OwnerKind == AccountOwnerKind.Member && c.Appeal.RoutedAt != null && c.Appeal.OwnerUserId == me)
                    || (c.Appeal.EscalatedTo == EscalationRoute.MunicipalReviewer
                        && (protocols.Any(p => p.MunicipalityId == c.MunicipalityId && p.AppealReviewerUserId == me)
                            || (clerk && !protocols.Any(p => p.MunicipalityId == c.MunicipalityId && p.AppealReviewerUserId != null)))))));
    }

    /// <summary>Counts of complaints for the clerk's and the IC's dashboards: numbers only, no file.</summary>
    public async Task<Result<CaseCounts>> CountsAsync(CancellationToken ct)
    {
        if (!actor.IsInRole(StaffRoles.Clerk) && !actor.IsInRole(StaffRoles.IntegrityCommissioner) && !actor.IsInRole(StaffRoles.Investigator))
        {
            return Result<CaseCounts>.Forbidden("Counts of complaints are for the clerk and the Integrity Commissioner's team.");
        }

        var counts = await db.Cases.AsNoTracking().Where(c => c.Kind == CaseKind.Complaint && c.Status != CaseStatus.AwaitingSignature)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(params CaseStatus[] statuses) => counts.Where(c => statuses.Contains(c.Key)).Sum(c => c.Count);
        return Result<CaseCounts>.Ok(new CaseCounts(Of(CaseStatus.Open), Of(CaseStatus.OnHold), Of(CaseStatus.Terminated),
            Of(CaseStatus.Closed, CaseStatus.Withdrawn)));
    }

    /// <summary>
    /// One page of the cases the caller may see, most urgent first (open task due soonest; the others after, by
    /// reference). Filtering, ordering and paging run in the database: an installation holds years of cases.
    /// </summary>
    public async Task<CasePage> QueueAsync(CaseQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = actor.UserId;
        var cases = Visible(db.Cases.AsNoTracking());

        if (Enum.TryParse<CaseKind>(query.Type, ignoreCase: true, out var kind))
        {
            cases = cases.Where(c => c.Kind == kind);
        }

        // A case with an open task is open or on hold (closing or withdrawing ends its workflow), so "active" narrows
        // only the cases without one; leaving it out of the first run keeps that a plain read in due order.
        var active = query.Status == CaseQuery.OpenStatuses;
        if (!active && Enum.TryParse<CaseStatus>(query.Status, ignoreCase: true, out var status))
        {
            cases = cases.Where(c => c.Status == status);
        }

        cases = query.Assignee switch
        {
            "me" => cases.Where(c => c.AssignedToUserId == me),
            "unassigned" => cases.Where(c => c.AssignedToUserId == null),
            _ => cases,
        };
        // A page may pass anything typed; nothing but a reference or its beginning can match one.
        var reference = CaseQuery.IsReferenceSearch(query.Reference) ? query.Reference?.Trim().ToUpperInvariant() ?? "" : "~"; // "~" begins no reference
        var exact = CaseReferences.IsWellFormed(reference);
        if (reference.Length > 0)
        {
            // A part of a reference (APL-2026-0001) is a prefix; a whole one is a lookup on the unique index.
            cases = exact ? cases.Where(c => c.Reference == reference) : cases.Where(c => c.Reference.StartsWith(reference));
        }

        var instances = db.Set<WorkflowInstance>().AsQueryable();
        if (!string.IsNullOrEmpty(query.Stage))
        {
            instances = instances.Where(i => i.Stage == query.Stage);
        }

        var bookmarks = db.Set<WorkflowBookmark>();
        var skip = (query.Page - 1) * query.PageSize;
        var wanted = query.PageSize + 1; // one more than a page says whether there is a next page
        List<QueueRow> rows;
        if (exact)
        {
            // One case at most: found by its reference, with its open task's due date; nothing to order.
            rows = (await (from i in instances
                           join c in cases on i.CorrelationId equals c.Reference
                           select new QueueRow
                           {
                               Reference = c.Reference, Kind = c.Kind, Status = c.Status, Stage = i.Stage, SubmittedAt = c.SubmittedAt,
                               AssignedToName = c.AssignedToName,
                               Due = bookmarks.Where(b => b.InstanceId == i.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task)
                                   .Select(b => b.DueAt).FirstOrDefault(),
                           }).ToListAsync(ct))
                .Where(r => (!active || r.Status is CaseStatus.Open or CaseStatus.OnHold)
                    && (query.Overdue != true || r.Due < now) && (query.DueBefore is not { } before || r.Due <= before))
                .Skip(skip).ToList();
        }
        else
        {
            rows = await PageAsync(cases, active ? cases.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.OnHold) : cases,
                instances, bookmarks, query, now, skip, wanted, ct);
        }

        return new CasePage(rows.Take(query.PageSize)
            .Select(r => new CaseSummary(r.Reference, r.Kind.ToString(), r.Status.ToString(), r.Stage, r.SubmittedAt, r.Due,
                r.AssignedToName, r.Due < now && r.Status == CaseStatus.Open))
            .ToList(), query.Page, query.PageSize, rows.Count > query.PageSize);
    }

    /// <summary>
    /// A page of the list in two runs, each read in index order so that a page stops early: cases whose open task
    /// has a due date, soonest first; then all others (closed, or waiting without a deadline) by reference.
    /// </summary>
    private static async Task<List<QueueRow>> PageAsync(IQueryable<Case> cases, IQueryable<Case> undatedCases,
        IQueryable<WorkflowInstance> instances, IQueryable<WorkflowBookmark> bookmarks, CaseQuery query, DateTimeOffset now, int skip,
        int wanted, CancellationToken ct)
    {
        var dated = from b in bookmarks
                    where b.ConsumedAt == null && b.Kind == BookmarkKind.Task && b.DueAt != null
                    join i in instances on b.InstanceId equals i.Id
                    join c in cases on i.CorrelationId equals c.Reference
                    select new QueueRow
                    {
                        Reference = c.Reference, Kind = c.Kind, Status = c.Status, Stage = i.Stage, SubmittedAt = c.SubmittedAt,
                        AssignedToName = c.AssignedToName, Due = b.DueAt,
                    };
        if (query.Overdue == true)
        {
            dated = dated.Where(r => r.Due < now);
        }

        if (query.DueBefore is { } dueBefore)
        {
            dated = dated.Where(r => r.Due <= dueBefore);
        }

        var rows = await dated.OrderBy(r => r.Due).ThenBy(r => r.Reference).Skip(skip).Take(wanted).ToListAsync(ct);
        if (rows.Count == wanted || query.Overdue == true || query.DueBefore is not null)
        {
            return rows;
        }

        // Counted only when the page starts after the last dated case.
        var datedCount = rows.Count > 0 ? skip + rows.Count : await dated.CountAsync(ct);
        var undated = from i in instances
                      join c in undatedCases on i.CorrelationId equals c.Reference
                      where !bookmarks.Any(b => b.InstanceId == i.Id && b.ConsumedAt == null && b.Kind == BookmarkKind.Task && b.DueAt != null)
                      orderby i.CorrelationId
                      select new QueueRow
                      {
                          Reference = c.Reference, Kind = c.Kind, Status = c.Status, Stage = i.Stage, SubmittedAt = c.SubmittedAt,
                          AssignedToName = c.AssignedToName,
                      };
        rows.AddRange(await undated.Skip(Math.Max(0, skip - datedCount)).Take(wanted - rows.Count).ToListAsync(ct));
        return rows;
    }

    /// <summary>A row of the case list; a class with setters so the database can order by its members.</summary>
    private sealed class QueueRow
    {
        public string Reference { get; init; } = "";

        public CaseKind Kind { get; init; }

        public CaseStatus Status { get; init; }

        public string Stage { get; init; } = "";

        public DateTimeOffset SubmittedAt { get; init; }

        public string? AssignedToName { get; init; }

        public DateTimeOffset? Due { get; init; }
    }
}
