using Governance.Accounts.Contracts;
using Governance.Elections.Contracts;
using Governance.Elections.Data;
using Governance.Elections.Domain;
using Governance.Platform;
using Governance.Platform.Audit;
using Governance.Platform.Files;
using Governance.Platform.Mail;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Elections.Features.Campaigns;

/// <summary>
/// Elections, candidates, campaign plans and the R11 scrubbing checklist. Clerks run it; members see and work on
/// their own candidacy; the IC reads. Every change is audited; bad input changes nothing.
/// </summary>
internal sealed class CampaignService(
    ElectionsDbContext db,
    ITenantScope tenant,
    ICurrentActor actor,
    IMunicipalityDirectory municipalities,
    IStaffDirectory staff,
    IAccountRegistry accounts,
    EvidenceStore evidence,
    AuditTrail audit,
    Platform.Outbox.Outbox outbox,
    TimeProvider clock)
{
    public bool IsClerk => actor.IsInRole(StaffRoles.Clerk) || actor.IsInRole(StaffRoles.Administrator);

    public bool CanReadAll => IsClerk || actor.IsInRole(StaffRoles.IntegrityCommissioner);

    public async Task<Result<Election>> CreateElectionAsync(Guid municipalityId, CreateElectionRequest request, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return Result<Election>.NotFound();
        }

        if (!IsClerk)
        {
            return Result<Election>.Forbidden("Only the clerk starts tracking an election.");
        }

        var now = clock.GetUtcNow();
        Election election;
        if (request.Kind == ElectionKind.Regular)
        {
            if (request.Year is not { } year || !ElectionCalendar.IsRegularElectionYear(year))
            {
                return Result<Election>.Invalid("year", "Enter a regular election year (2022, 2026, 2030...).");
            }

            election = ElectionCalendar.NewRegular(municipalityId, year, now);
            if (await db.Elections.AnyAsync(e => e.MunicipalityId == municipalityId && e.Kind == ElectionKind.Regular
                    && e.VotingDay == election.VotingDay, ct))
            {
                return Result<Election>.Conflict($"The {year} election is already tracked.");
            }
        }
        else
        {
            var dates = new ElectionDatesRequest
            {
                NominationPeriodOpens = request.NominationPeriodOpens, NominationDay = request.NominationDay, VotingDay = request.VotingDay,
                TermStarts = request.TermStarts, CampaignPeriodEnds = request.CampaignPeriodEnds,
            };
            var errors = CheckDates(dates);
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                errors["name"] = ["Name the by-election, e.g. Ward 3 by-election."];
            }

            if (errors.Count > 0)
            {
                return Result<Election>.Invalid(errors);
            }

            election = new Election
            {
                Id = Guid.NewGuid(), MunicipalityId = municipalityId, Kind = ElectionKind.ByElection, Name = request.Name!.Trim(), CreatedAt = now,
            };
            Apply(election, dates);
        }

        db.Elections.Add(election);
        audit.Record(db, "elections.election-created", "Election", election.Id.ToString(), municipalityId, election.Name);
        await db.SaveChangesAsync(ct);
        return Result<Election>.Ok(election);
    }

    public async Task<Result<Election>> SetDatesAsync(Guid electionId, ElectionDatesRequest request, CancellationToken ct)
    {
        var election = await db.Elections.FirstOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null)
        {
            return Result<Election>.NotFound();
        }

        if (!IsClerk)
        {
            return Result<Election>.Forbidden("Only the clerk changes election dates.");
        }

        var errors = CheckDates(request);
        if (election.Kind == ElectionKind.Regular && string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["Say why the dates differ from the Municipal Elections Act calendar."];
        }

        if (errors.Count > 0)
        {
            return Result<Election>.Invalid(errors);
        }

        Apply(election, request);
        election.OverrideReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        audit.Record(db, "elections.dates-changed", "Election", election.Id.ToString(), election.MunicipalityId,
            $"{election.NominationPeriodOpens:yyyy-MM-dd} {election.NominationDay:yyyy-MM-dd} {election.VotingDay:yyyy-MM-dd}: {election.OverrideReason}");
        await db.SaveChangesAsync(ct);
        return Result<Election>.Ok(election);
    }

    public async Task<Result<Candidate>> AddCandidateAsync(Guid electionId, AddCandidateRequest request, CancellationToken ct)
    {
        var election = await db.Elections.AsNoTracking().FirstOrDefaultAsync(e => e.Id == electionId, ct);
        if (election is null)
        {
            return Result<Candidate>.NotFound();
        }

        if (!IsClerk)
        {
            return Result<Candidate>.Forbidden("Only the clerk adds candidates.");
        }

        var member = (await staff.StaffOfAsync(election.MunicipalityId, ct))
            .FirstOrDefault(s => s.UserId == request.MemberUserId && s.Roles.Contains(StaffRoles.Member));
        if (member is null)
        {
            return Result<Candidate>.Invalid("memberUserId", "Choose a member of this council.");
        }

        if (CheckIntended(election, request.IntendedFilingDate) is { } problem)
        {
            return Result<Candidate>.Invalid("intendedFilingDate", problem);
        }

        if (await db.Candidates.AnyAsync(c => c.ElectionId == electionId && c.MemberUserId == member.UserId, ct))
        {
            return Result<Candidate>.Conflict($"{member.DisplayName} is already a candidate in this election.");
        }

        var candidate = new Candidate
        {
            Id = Guid.NewGuid(), MunicipalityId = election.MunicipalityId, ElectionId = electionId, MemberUserId = member.UserId,
            MemberName = member.DisplayName, MemberEmail = member.Email, Office = request.Office.Trim(),
            IntendedFilingDate = request.IntendedFilingDate, CreatedAt = clock.GetUtcNow(),
        };
        db.Candidates.Add(candidate);
        audit.Record(db, "elections.candidate-added", "Candidate", candidate.Id.ToString(), candidate.MunicipalityId,
            $"{candidate.MemberName}, {candidate.Office}");
        await db.SaveChangesAsync(ct);
        return Result<Candidate>.Ok(candidate);
    }

    public async Task<Result<Candidate>> SetFilingDatesAsync(Guid candidateId, FilingDatesRequest request, CancellationToken ct)
    {
        var (candidate, election) = await FindAsync(candidateId, ct);
        if (candidate is null || election is null)
        {
            return Result<Candidate>.NotFound();
        }

        if (!IsClerk && !IsMember(candidate))
        {
            return Result<Candidate>.Forbidden("Only the clerk or the member changes these dates.");
        }

        if (!IsClerk && request.ActualFilingDate != candidate.ActualFilingDate)
        {
            return Result<Candidate>.Forbidden("Only the clerk records when nomination papers were filed.");
        }

        if (CheckIntended(election, request.IntendedFilingDate) is { } problem)
        {
            return Result<Candidate>.Invalid("intendedFilingDate", problem);
        }

        var today = await TodayAsync(candidate.MunicipalityId, ct);
        if (request.ActualFilingDate is { } filed && (filed < election.NominationPeriodOpens || filed > election.NominationDay || filed > today))
        {
            return Result<Candidate>.Invalid("actualFilingDate",
                $"Papers are filed from {election.NominationPeriodOpens:d MMMM} to nomination day ({election.NominationDay:d MMMM yyyy}), and not in the future.");
        }

        candidate.IntendedFilingDate = request.IntendedFilingDate;
        candidate.ActualFilingDate = request.ActualFilingDate;
        audit.Record(db, "elections.filing-dates", "Candidate", candidate.Id.ToString(), candidate.MunicipalityId,
            $"intended {candidate.IntendedFilingDate:yyyy-MM-dd}, filed {candidate.ActualFilingDate:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return Result<Candidate>.Ok(candidate);
    }

    public async Task<Result<CampaignPlan>> SetPlanAsync(Guid candidateId, CampaignPlanRequest request, CancellationToken ct)
    {
        var (candidate, election) = await FindAsync(candidateId, ct);
        if (candidate is null || election is null)
        {
            return Result<CampaignPlan>.NotFound();
        }

        if (!IsClerk && !IsMember(candidate))
        {
            return Result<CampaignPlan>.Forbidden("Only the clerk or the member sets the campaign plan.");
        }

        var account = await accounts.FindAsync(candidate.MunicipalityId, request.AccountId!.Value, ct);
        if (account is null || account.OwnerType != "Member" || account.OwnerUserId != candidate.MemberUserId)
        {
            return Result<CampaignPlan>.Invalid("accountId", "Choose one of the member's own registered accounts.");
        }

        var choice = request.Choice!.Value;
        if (!Enum.IsDefined(choice))
        {
            return Result<CampaignPlan>.Invalid("choice", "Choose what happens to the account during the campaign.");
        }

        if (choice == CampaignChoice.SeparateCampaignAccount
            && (string.IsNullOrWhiteSpace(request.CampaignHandle) || string.IsNullOrWhiteSpace(request.CampaignProfileUrl)))
        {
            return Result<CampaignPlan>.Invalid("campaignHandle", "Enter the campaign account's handle and profile address.");
        }

        if (choice == CampaignChoice.SeparateCampaignAccount
            && (!Uri.TryCreate(request.CampaignProfileUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
        {
            return Result<CampaignPlan>.Invalid("campaignProfileUrl", "Enter a full address starting with https://.");
        }

        var plan = await db.Plans.Include(p => p.Items).FirstOrDefaultAsync(p => p.CandidateId == candidateId && p.AccountId == account.Id, ct);
        if (plan is not null && plan.Choice != choice && plan.Items.Any(i => i.Done))
        {
            return Result<CampaignPlan>.Conflict("Steps of the scrubbing checklist are already done for this account, so the plan stays a conversion.");
        }

        var now = clock.GetUtcNow();
        if (plan is null)
        {
            plan = new CampaignPlan
            {
                Id = Guid.NewGuid(), MunicipalityId = candidate.MunicipalityId, CandidateId = candidate.Id, AccountId = account.Id,
                AccountLabel = $"{account.Platform} {account.Handle}",
            };
            db.Plans.Add(plan);
        }

        if (plan.Choice != CampaignChoice.Conversion && choice == CampaignChoice.Conversion)
        {
            plan.Items.AddRange(ScrubbingChecklist.Steps.Select((s, i) => new ChecklistItem
            {
                Id = Guid.NewGuid(), MunicipalityId = plan.MunicipalityId, PlanId = plan.Id, Code = s.Code, Order = i,
            }));
        }
        else if (choice != CampaignChoice.Conversion)
        {
            db.ChecklistItems.RemoveRange(plan.Items);
        }

        plan.Choice = choice;
        plan.UpdatedAt = now;
        var handle = request.CampaignHandle?.Trim();
        if (choice == CampaignChoice.SeparateCampaignAccount && plan.CampaignAccountLabel != $"{account.Platform} {handle}")
        {
            plan.CampaignAccountId = Guid.NewGuid();
            plan.CampaignAccountLabel = $"{account.Platform} {handle}";
            outbox.Publish(db, new CampaignAccountDeclared(plan.MunicipalityId, plan.CampaignAccountId.Value, candidate.MemberUserId,
                candidate.MemberName, candidate.MemberEmail, account.Platform, handle!, request.CampaignProfileUrl!.Trim()), plan.MunicipalityId);
        }
        else if (choice != CampaignChoice.SeparateCampaignAccount)
        {
            plan.CampaignAccountId = null;
            plan.CampaignAccountLabel = null;
        }

        audit.Record(db, "elections.plan-set", "CampaignPlan", plan.Id.ToString(), plan.MunicipalityId,
            $"{plan.AccountLabel}: {choice} {plan.CampaignAccountLabel}");
        await db.SaveChangesAsync(ct);
        return Result<CampaignPlan>.Ok(plan);
    }

    public async Task<Result<ChecklistItem>> CompleteItemAsync(Guid itemId, string? evidenceUrl, string? note,
        IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var (item, plan, candidate) = await FindItemAsync(itemId, ct);
        if (item is null || plan is null || candidate is null)
        {
            return Result<ChecklistItem>.NotFound();
        }

        if (!IsClerk && !IsMember(candidate))
        {
            return Result<ChecklistItem>.Forbidden("Only the member or the clerk completes checklist steps.");
        }

        if (item.Verified)
        {
            return Result<ChecklistItem>.Conflict("The clerk has already verified this step.");
        }

        if (plan.RestoredAt is not null)
        {
            return Result<ChecklistItem>.Conflict("The account is back in official use; its campaign steps are closed.");
        }

        var errors = new Dictionary<string, string[]>();
        evidenceUrl = string.IsNullOrWhiteSpace(evidenceUrl) ? null : evidenceUrl.Trim();
        if (evidenceUrl is not null && (evidenceUrl.Length > 500 || !Uri.TryCreate(evidenceUrl, UriKind.Absolute, out var url)
                || url.Scheme is not ("https" or "http")))
        {
            errors["evidenceUrl"] = ["Enter a full address starting with https://."];
        }

        if (evidenceUrl is null && files.Count == 0)
        {
            errors["evidence"] = ["Attach a screenshot or give the address that shows the step is done."];
        }

        if (await EvidenceStore.CheckAllAsync(files, 1, ct) is { } problem)
        {
            errors["evidence"] = [problem];
        }

        if (note?.Length > 2000)
        {
            errors["note"] = ["Keep the note under 2,000 characters."];
        }

        if (errors.Count > 0)
        {
            return Result<ChecklistItem>.Invalid(errors);
        }

        if (files.Count == 1)
        {
            await using var stream = files[0].Open();
            var stored = await evidence.SaveAsync(files[0].FileName, stream, ct);
            (item.EvidenceFileName, item.EvidenceContentType, item.EvidenceSha256) = (stored.FileName, stored.ContentType, stored.Sha256);
        }

        item.EvidenceUrl = evidenceUrl ?? item.EvidenceUrl;
        item.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        item.CompletedAt = clock.GetUtcNow();
        item.CompletedBy = actor.Name;
        audit.Record(db, "elections.step-completed", "ChecklistItem", item.Id.ToString(), item.MunicipalityId,
            $"{plan.AccountLabel} {item.Code} {item.EvidenceUrl} {item.EvidenceSha256}");
        await db.SaveChangesAsync(ct);
        return Result<ChecklistItem>.Ok(item);
    }

    public async Task<Result<ChecklistItem>> VerifyItemAsync(Guid itemId, CancellationToken ct)
    {
        var (item, plan, _) = await FindItemAsync(itemId, ct);
        if (item is null || plan is null)
        {
            return Result<ChecklistItem>.NotFound();
        }

        if (!actor.IsInRole(StaffRoles.Clerk))
        {
            return Result<ChecklistItem>.Forbidden("Only the clerk verifies checklist steps.");
        }

        if (!item.Done)
        {
            return Result<ChecklistItem>.Conflict("This step is not done yet, so there is nothing to verify.");
        }

        if (!item.Verified)
        {
            item.VerifiedAt = clock.GetUtcNow();
            item.VerifiedBy = actor.Name;
            audit.Record(db, "elections.step-verified", "ChecklistItem", item.Id.ToString(), item.MunicipalityId, $"{plan.AccountLabel} {item.Code}");
            await db.SaveChangesAsync(ct);
        }

        return Result<ChecklistItem>.Ok(item);
    }

    public async Task<Result<Recheck>> RecheckAsync(Guid planId, RecheckRequest request, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        var (candidate, election) = plan is null ? (null, null) : await FindAsync(plan.CandidateId, ct);
        if (plan is null || candidate is null || election is null)
        {
            return Result<Recheck>.NotFound();
        }

        if (!actor.IsInRole(StaffRoles.Clerk))
        {
            return Result<Recheck>.Forbidden("Only the clerk records a re-check.");
        }

        if (plan.Choice != CampaignChoice.Conversion)
        {
            return Result<Recheck>.Conflict("Only a converted account is re-checked.");
        }

        var today = await TodayAsync(plan.MunicipalityId, ct);
        if (today > election.CampaignPeriodEnds)
        {
            return Result<Recheck>.Conflict($"The campaign period ended on {election.CampaignPeriodEnds:d MMMM yyyy}; the account may now be restored.");
        }

        if (request.Compliant == false && string.IsNullOrWhiteSpace(request.Note))
        {
            return Result<Recheck>.Invalid("note", "Say what is wrong, so the member can fix it.");
        }

        var now = clock.GetUtcNow();
        var recheck = new Recheck
        {
            Id = Guid.NewGuid(), MunicipalityId = plan.MunicipalityId, PlanId = plan.Id, RecordedAt = now, RecordedBy = actor.Name,
            Compliant = request.Compliant!.Value, Note = request.Note?.Trim() ?? "",
        };
        db.Rechecks.Add(recheck);
        if (!recheck.Compliant)
        {
            var body = $"The clerk re-checked {plan.AccountLabel} on {today:d MMMM yyyy} and found a problem:\n\n{recheck.Note}\n\n"
                + "The R11 steps hold until the campaign period ends. Please fix it and tell the clerk.";
            MemberTasks.Add(db, outbox, candidate, $"recheck:{recheck.Id:N}", MemberTaskKind.Overdue, today,
                $"Fix {plan.AccountLabel}: the clerk's re-check found a problem", body, now);
        }

        audit.Record(db, "elections.rechecked", "CampaignPlan", plan.Id.ToString(), plan.MunicipalityId,
            $"{plan.AccountLabel}: {(recheck.Compliant ? "compliant" : "not compliant")} {recheck.Note}");
        await db.SaveChangesAsync(ct);
        return Result<Recheck>.Ok(recheck);
    }

    public async Task<Result<CampaignPlan>> RestoreAsync(Guid planId, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        var (candidate, election) = plan is null ? (null, null) : await FindAsync(plan.CandidateId, ct);
        if (plan is null || candidate is null || election is null)
        {
            return Result<CampaignPlan>.NotFound();
        }

        if (!IsClerk && !IsMember(candidate))
        {
            return Result<CampaignPlan>.Forbidden("Only the clerk or the member records the restoration.");
        }

        if (plan.Choice != CampaignChoice.Conversion)
        {
            return Result<CampaignPlan>.Conflict("Only a converted account is restored.");
        }

        if (await TodayAsync(plan.MunicipalityId, ct) <= election.CampaignPeriodEnds)
        {
            return Result<CampaignPlan>.Conflict($"The account stays a campaign account until the campaign period ends ({election.CampaignPeriodEnds:d MMMM yyyy}).");
        }

        if (plan.RestoredAt is null)
        {
            plan.RestoredAt = clock.GetUtcNow();
            plan.RestoredBy = actor.Name;
            audit.Record(db, "elections.account-restored", "CampaignPlan", plan.Id.ToString(), plan.MunicipalityId, plan.AccountLabel);
            await db.SaveChangesAsync(ct);
        }

        return Result<CampaignPlan>.Ok(plan);
    }

    /// <summary>The member ticks off an entry of their own task list.</summary>
    public async Task<Result<MemberTask>> MarkTaskDoneAsync(Guid taskId, CancellationToken ct)
    {
        var task = await (from t in db.Tasks
                          join c in db.Candidates on t.CandidateId equals c.Id
                          where t.Id == taskId && c.MemberUserId == actor.UserId
                          select t).FirstOrDefaultAsync(ct);
        if (task is null)
        {
            return Result<MemberTask>.NotFound();
        }

        task.DoneAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Result<MemberTask>.Ok(task);
    }

    /// <summary>A candidate the caller may see (the clerk, the IC, or the member themself), with their election.</summary>
    public async Task<(Candidate? Candidate, Election? Election)> FindAsync(Guid candidateId, CancellationToken ct)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == candidateId, ct);
        if (candidate is null || (!CanReadAll && !IsMember(candidate)))
        {
            return (null, null);
        }

        return (candidate, await db.Elections.AsNoTracking().FirstAsync(e => e.Id == candidate.ElectionId, ct));
    }

    public async Task<(ChecklistItem? Item, CampaignPlan? Plan, Candidate? Candidate)> FindItemAsync(Guid itemId, CancellationToken ct)
    {
        var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        var plan = item is null ? null : await db.Plans.FirstAsync(p => p.Id == item.PlanId, ct);
        var (candidate, _) = plan is null ? (null, null) : await FindAsync(plan.CandidateId, ct);
        return candidate is null ? (null, null, null) : (item, plan, candidate);
    }

    public async Task<DateOnly> TodayAsync(Guid municipalityId, CancellationToken ct)
        => clock.TodayIn((await municipalities.FindAsync(municipalityId, ct))?.TimeZone ?? "America/Toronto");

    private bool IsMember(Candidate candidate) => actor.UserId == candidate.MemberUserId;

    private static string? CheckIntended(Election election, DateOnly? intended)
        => intended is { } date && (date < election.NominationPeriodOpens || date > election.NominationDay)
            ? $"Papers can be filed from {election.NominationPeriodOpens:d MMMM} to nomination day, {election.NominationDay:d MMMM yyyy}."
            : null;

    private static Dictionary<string, string[]> CheckDates(ElectionDatesRequest d)
    {
        var errors = new Dictionary<string, string[]>();
        if (d.NominationPeriodOpens is null || d.NominationDay is null || d.VotingDay is null || d.TermStarts is null || d.CampaignPeriodEnds is null)
        {
            errors["dates"] = ["Enter all five dates."];
            return errors;
        }

        if (d.NominationDay < d.NominationPeriodOpens)
        {
            errors["nominationDay"] = ["Nomination day cannot be before nominations open."];
        }

        if (d.VotingDay <= d.NominationDay)
        {
            errors["votingDay"] = ["Voting day comes after nomination day."];
        }

        if (d.TermStarts < d.VotingDay)
        {
            errors["termStarts"] = ["The term cannot start before voting day."];
        }

        if (d.CampaignPeriodEnds < d.VotingDay)
        {
            errors["campaignPeriodEnds"] = ["The campaign period ends after voting day."];
        }

        return errors;
    }

    private static void Apply(Election election, ElectionDatesRequest d)
    {
        election.NominationPeriodOpens = d.NominationPeriodOpens!.Value;
        election.NominationDay = d.NominationDay!.Value;
        election.VotingDay = d.VotingDay!.Value;
        election.TermStarts = d.TermStarts!.Value;
        election.CampaignPeriodEnds = d.CampaignPeriodEnds!.Value;
    }
}

/// <summary>Writes a member's task and its e-mail together: the unique key keeps both to one.</summary>
internal static class MemberTasks
{
    public static void Add(ElectionsDbContext db, Platform.Outbox.Outbox outbox, Candidate candidate, string key, MemberTaskKind kind,
        DateOnly dueOn, string title, string body, DateTimeOffset now)
    {
        db.Tasks.Add(new MemberTask
        {
            Id = Guid.NewGuid(), MunicipalityId = candidate.MunicipalityId, CandidateId = candidate.Id, Key = key, Kind = kind,
            DueOn = dueOn, Title = title, Body = body, CreatedAt = now,
        });
        outbox.Mail(db, new OutgoingMail(candidate.MemberEmail, title, $"Hello {candidate.MemberName},\n\n{body}\n\nSign in to Governance and open ‘My election tasks’ to see everything you still have to do.\n"),
            candidate.MunicipalityId);
    }
}
