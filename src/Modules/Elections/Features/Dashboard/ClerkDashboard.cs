using Governance.Accounts.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Elections.Features.Campaigns;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Features.Dashboard;

internal sealed record ElectionView(Guid Id, Guid MunicipalityId, string Kind, string Name, DateOnly NominationPeriodOpens,
    DateOnly NominationDay, DateOnly VotingDay, DateOnly TermStarts, DateOnly CampaignPeriodEnds, string? OverrideReason)
{
    public static ElectionView From(Election e) => new(e.Id, e.MunicipalityId, e.Kind.ToString(), e.Name, e.NominationPeriodOpens,
        e.NominationDay, e.VotingDay, e.TermStarts, e.CampaignPeriodEnds, e.OverrideReason);
}

internal sealed record ItemRow(Guid Id, string Code, string Title, string Guidance, bool Done, DateTimeOffset? CompletedAt,
    string? CompletedBy, string? Note, string? EvidenceUrl, string? EvidenceFileName, bool Verified, DateTimeOffset? VerifiedAt,
    string? VerifiedBy, bool Overdue);

internal sealed record RecheckRow(DateTimeOffset RecordedAt, string RecordedBy, bool Compliant, string Note);

internal sealed record PlanRow(Guid Id, Guid AccountId, string Account, string Choice, Guid? CampaignAccountId, string? CampaignAccount,
    IReadOnlyList<ItemRow> Steps, IReadOnlyList<RecheckRow> Rechecks, DateTimeOffset? RestoredAt);

internal sealed record CandidateRow(Guid Id, Guid ElectionId, Guid MemberUserId, string MemberName, string Office,
    DateOnly? IntendedFilingDate, DateOnly? ActualFilingDate, DateOnly StepsDueOn, IReadOnlyList<PlanRow> Plans,
    int StepsTotal, int StepsDone, int StepsVerified, int StepsOverdue);

internal sealed record TaskRow(Guid Id, Guid CandidateId, string Kind, DateOnly DueOn, string Title, string Body, DateTimeOffset CreatedAt,
    DateTimeOffset? DoneAt);

internal sealed record DashboardView(ElectionView Election, DateOnly Today, IReadOnlyList<CandidateRow> Candidates,
    IReadOnlyList<CitedAction> CandidatePostings);

/// <summary>The clerk's view of an election: per member, the plan for each account, checklist progress, overdue steps, evidence.</summary>
internal sealed class ClerkDashboard(ElectionsDbContext db, CampaignService campaigns, IAccountRegistry accounts)
{
    public async Task<Result<DashboardView>> ForElectionAsync(Guid electionId, CancellationToken ct)
    {
        var election = await db.Elections.AsNoTracking().FirstOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null)
        {
            return Result<DashboardView>.NotFound();
        }

        return campaigns.CanReadAll
            ? Result<DashboardView>.Ok(await BuildAsync(election, ct))
            : Result<DashboardView>.Forbidden("The election dashboard is for the clerk and the Integrity Commissioner.");
    }

    /// <summary>For the calendar feed, whose signed token stands in for the clerk's sign-in.</summary>
    public async Task<Result<DashboardView>> ForFeedAsync(Guid electionId, CancellationToken ct)
        => await db.Elections.AsNoTracking().FirstOrDefaultAsync(e => e.Id == electionId, ct) is { } election
            ? Result<DashboardView>.Ok(await BuildAsync(election, ct))
            : Result<DashboardView>.NotFound();

    private async Task<DashboardView> BuildAsync(Election election, CancellationToken ct)
    {
        var today = await campaigns.TodayAsync(election.MunicipalityId, ct);
        var candidates = await LoadAsync(db.Candidates.Where(c => c.ElectionId == election.Id), ct);
        // R11 (Middlesex): moderation entries for candidate posts on municipal accounts during the nomination period.
        var postings = await accounts.ActionsCitingAsync(election.MunicipalityId, RuleCodes.CandidatePosting,
            new DateTimeOffset(election.NominationPeriodOpens.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(election.NominationDay.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct);
        return new DashboardView(ElectionView.From(election), today,
            candidates.Select(c => Row(c, election, today)).OrderBy(c => c.MemberName).ToList(), postings);
    }

    public async Task<Result<(ElectionView Election, CandidateRow Candidate)>> ForCandidateAsync(Guid candidateId, CancellationToken ct)
    {
        var (found, election) = await campaigns.FindAsync(candidateId, ct);
        if (found is null || election is null)
        {
            return Result<(ElectionView, CandidateRow)>.NotFound();
        }

        var today = await campaigns.TodayAsync(election.MunicipalityId, ct);
        var candidate = (await LoadAsync(db.Candidates.Where(c => c.Id == candidateId), ct)).Single();
        return Result<(ElectionView, CandidateRow)>.Ok((ElectionView.From(election), Row(candidate, election, today)));
    }

    /// <summary>The signed-in member's candidacies, newest election first.</summary>
    public async Task<IReadOnlyList<(ElectionView Election, CandidateRow Candidate)>> MineAsync(Guid userId, CancellationToken ct)
    {
        var mine = await LoadAsync(db.Candidates.Where(c => c.MemberUserId == userId), ct);
        var result = new List<(ElectionView, CandidateRow)>();
        foreach (var candidate in mine)
        {
            var election = await db.Elections.AsNoTracking().FirstAsync(e => e.Id == candidate.ElectionId, ct);
            result.Add((ElectionView.From(election), Row(candidate, election, await campaigns.TodayAsync(election.MunicipalityId, ct))));
        }

        return result.OrderByDescending(r => r.Item1.VotingDay).ToList();
    }

    public async Task<IReadOnlyList<TaskRow>> TasksOfAsync(Guid userId, CancellationToken ct)
    {
        var ids = await db.Candidates.Where(c => c.MemberUserId == userId).Select(c => c.Id).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.CandidateId)).ToListAsync(ct);
        return tasks.OrderBy(t => t.DoneAt is not null).ThenByDescending(t => t.CreatedAt)
            .Select(t => new TaskRow(t.Id, t.CandidateId, t.Kind.ToString(), t.DueOn, t.Title, t.Body, t.CreatedAt, t.DoneAt)).ToList();
    }

    private static Task<List<Candidate>> LoadAsync(IQueryable<Candidate> query, CancellationToken ct)
        => query.AsNoTracking().Include(c => c.Plans).ThenInclude(p => p.Items).Include(c => c.Plans).ThenInclude(p => p.Rechecks)
            .AsSplitQuery().ToListAsync(ct);

    public static CandidateRow Row(Candidate c, Election election, DateOnly today)
    {
        var due = c.ChecklistDueOn(election);
        var plans = c.Plans.OrderBy(p => p.AccountLabel).Select(p => new PlanRow(p.Id, p.AccountId, p.AccountLabel, p.Choice.ToString(),
            p.CampaignAccountId, p.CampaignAccountLabel,
            p.Items.OrderBy(i => i.Order).Select(i =>
            {
                var step = ScrubbingChecklist.Find(i.Code);
                return new ItemRow(i.Id, i.Code, step?.Title ?? i.Code, step?.Guidance ?? "", i.Done, i.CompletedAt, i.CompletedBy, i.Note,
                    i.EvidenceUrl, i.EvidenceFileName, i.Verified, i.VerifiedAt, i.VerifiedBy,
                    !i.Done && today > due && p.RestoredAt is null);
            }).ToList(),
            p.Rechecks.OrderByDescending(r => r.RecordedAt).Select(r => new RecheckRow(r.RecordedAt, r.RecordedBy, r.Compliant, r.Note)).ToList(),
            p.RestoredAt)).ToList();
        var steps = plans.SelectMany(p => p.Steps).ToList();
        return new CandidateRow(c.Id, c.ElectionId, c.MemberUserId, c.MemberName, c.Office, c.IntendedFilingDate, c.ActualFilingDate, due,
            plans, steps.Count, steps.Count(s => s.Done), steps.Count(s => s.Verified), steps.Count(s => s.Overdue));
    }
}
