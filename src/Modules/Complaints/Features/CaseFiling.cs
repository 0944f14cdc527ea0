using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Platform.Audit;
using Governance.Platform.Data;
using Governance.Platform.Files;
using Governance.Platform.Mail;
using Governance.Platform.Workflows;
using Microsoft.AspNetCore.DataProtection;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features;

/// <summary>A filed case and the private token of its tracking link (shown to the resident, never stored in clear).</summary>
internal sealed record FiledCase(Case Case, string Token, bool Repeated)
{
    public string TrackingPath => $"/track/{Case.Reference}?token={Token}";
}

/// <summary>
/// What filing an appeal and a complaint share: the reference number, the tracking token, evidence, the
/// confirmation e-mail and the workflow start, all in one transaction; a double submit finds the first case.
/// </summary>
internal sealed class CaseFiling(
    ComplaintsDbContext db,
    IMunicipalityDirectory municipalities,
    ITenantScope tenant,
    EvidenceStore evidence,
    WorkflowRuntime workflows,
    Platform.Outbox.Outbox outbox,
    AuditTrail audit,
    IDataProtectionProvider protection,
    TimeProvider clock)
{
    public const int MaxFiles = 5;

    private IDataProtector Protector => protection.CreateProtector("Governance.Complaints.TrackingToken");

    /// <summary>
    /// What every public form does first: turn away the honeypot, find the municipality and work in its scope, and
    /// answer a form sent before with the case it filed. Either the municipality to file in, or the answer.
    /// </summary>
    public async Task<(MunicipalityInfo? Municipality, Result<FiledCase>? Answered)> OpenAsync(PublicFilingRequest request,
        CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(request.Website))
        {
            return (null, Result<FiledCase>.Invalid("", "We could not accept this form. If you are a person, please try again."));
        }

        var municipality = await municipalities.FindBySlugAsync(request.Municipality, ct);
        if (municipality is null)
        {
            return (null, Result<FiledCase>.Invalid("municipality", "Choose your municipality."));
        }

        tenant.Restrict(municipality.Id);
        return await RepeatAsync(municipality.Id, request.SubmissionId, ct) is { } repeat
            ? (municipality, Result<FiledCase>.Ok(repeat))
            : (municipality, null);
    }

    /// <summary>The case this form already created, if it was sent before.</summary>
    public async Task<FiledCase?> RepeatAsync(Guid municipalityId, Guid? submissionId, CancellationToken ct)
    {
        if (submissionId is not { } id)
        {
            return null;
        }

        var existing = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(c => c.MunicipalityId == municipalityId && c.SubmissionId == id, ct);
        return existing is null ? null : new FiledCase(existing, Protector.Unprotect(existing.ProtectedTrackingToken), true);
    }

    /// <summary>Checks files before anything is stored; returns the problem in plain words, or null.</summary>
    public static Task<string?> CheckFilesAsync(IReadOnlyList<UploadedFile> files, CancellationToken ct)
        => EvidenceStore.CheckAllAsync(files, MaxFiles, ct);

    /// <summary>
    /// Creates the case with its first timeline entry, files, e-mail and workflow, or finds the case this form
    /// already filed. Filings take turns (a lock that holds across hosts), so each gets the next number and a
    /// form sent twice at once, even to two hosts, files one case.
    /// </summary>
    public async Task<FiledCase> FileAsync(Case draft, string workflow, string receivedText, string mailSubject,
        Func<string, string> mailBody, string baseUrl, IReadOnlyList<UploadedFile> files, CancellationToken ct, bool hold = false)
    {
        var stored = new List<StoredEvidence>();
        foreach (var file in files)
        {
            await using var stream = file.Open();
            stored.Add(await evidence.SaveAsync(file.FileName, stream, ct));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ChainLock.AcquireAsync(db, $"{ComplaintsDbContext.Prefix}_filing", ct);
        if (await RepeatAsync(draft.MunicipalityId, draft.SubmissionId, ct) is { } repeat)
        {
            return repeat;
        }

        var now = clock.GetUtcNow();
        var token = CaseReferences.NewToken();
        var filed = draft;
        filed.Id = Guid.NewGuid();
        filed.Status = hold ? CaseStatus.OnHold : CaseStatus.Open;
        filed.SubmittedAt = now;
        filed.Reference = await NextReferenceAsync(filed.Kind, now.Year, ct);
        filed.TrackingTokenHash = CaseReferences.Hash(token);
        filed.ProtectedTrackingToken = Protector.Protect(token);
        if (filed.Appeal is not null)
        {
            filed.Appeal.CaseId = filed.Id;
        }

        if (filed.Complaint is not null)
        {
            filed.Complaint.CaseId = filed.Id;
        }

        filed.Timeline = [new TimelineEntry
        {
            Id = Guid.NewGuid(), CaseId = filed.Id, MunicipalityId = filed.MunicipalityId, At = now,
            Visibility = Visibility.Public, Text = receivedText, By = "resident",
        }];
        filed.Evidence = stored.Select(s => new CaseEvidence
        {
            Id = Guid.NewGuid(), CaseId = filed.Id, MunicipalityId = filed.MunicipalityId, FileName = s.FileName,
            ContentType = s.ContentType, Size = s.Size, Sha256 = s.Sha256, UploadedAt = now, UploadedBy = "resident",
        }).ToList();
        db.Cases.Add(filed);
        audit.Record(db, $"{filed.Kind.ToString().ToLowerInvariant()}.filed", "Case", filed.Reference, filed.MunicipalityId);
        var link = $"{baseUrl.TrimEnd('/')}/track/{filed.Reference}?token={token}";
        outbox.Mail(db, new OutgoingMail(filed.ContactEmail, $"{mailSubject} {filed.Reference}", mailBody(link), Sensitive: true), filed.MunicipalityId);
        // Starting the workflow saves the case, its files, e-mail, audit entry and first task together.
        var instance = await workflows.StartAsync(db, workflow, filed.MunicipalityId, filed.Reference, ct);
        if (hold)
        {
            // R12, hold protocol: it waits at intake, paused, until the election period ends.
            await workflows.SuspendAsync(db, instance.Id, "held: election period", ct);
        }

        await transaction.CommitAsync(ct);
        return new FiledCase(filed, token, false);
    }

    public Task<MunicipalityInfo?> MunicipalityAsync(Guid id, CancellationToken ct) => municipalities.FindAsync(id, ct);

    /// <summary>
    /// R9: a resident escalates an appeal about a member's account: a Code of Conduct complaint is created with the appeal's
    /// facts, waiting for the resident to complete and sign it (R16: no anonymous formal complaint). Saved with the step that
    /// escalates; a number taken at the same moment by another filing makes one of the two retry (the counter's token).
    /// </summary>
    public async Task<FiledCase> DraftComplaintFromAppealAsync(Case appealCase, DateTimeOffset now, CancellationToken ct)
    {
        var appeal = appealCase.Appeal!;
        var token = CaseReferences.NewToken();
        var draft = new Case
        {
            Id = Guid.NewGuid(), MunicipalityId = appealCase.MunicipalityId, Kind = CaseKind.Complaint, Status = CaseStatus.AwaitingSignature,
            SubmittedAt = now, Reference = await NextReferenceAsync(CaseKind.Complaint, now.Year, ct), TrackingTokenHash = CaseReferences.Hash(token),
            ProtectedTrackingToken = Protector.Protect(token), ContactName = appealCase.ContactName, ContactEmail = appealCase.ContactEmail,
        };
        draft.Complaint = new ComplaintDetails
        {
            CaseId = draft.Id, MemberUserId = appeal.OwnerUserId, MemberName = appeal.OwnerName ?? "", FromAppealReference = appealCase.Reference,
            WhatHappened = $"From appeal {appealCase.Reference}: on {appeal.HappenedOn:d MMMM yyyy}, {appeal.AccountDescription} "
                + $"{(appeal.Subject == AppealSubject.Blocked ? "blocked me" : appeal.Subject == AppealSubject.PostDeleted ? "deleted my post" : "hid my comment")}."
                + (string.IsNullOrWhiteSpace(appeal.ContentPosted) ? "" : $"\n\nWhat I had posted:\n{appeal.ContentPosted}")
                + (string.IsNullOrWhiteSpace(appeal.ReasonGiven) ? "" : $"\n\nThe reason I was given:\n{appeal.ReasonGiven}"),
            AllegesDiscrimination = appeal.Grounds.Length > 0,
        };
        draft.Timeline = [new TimelineEntry
        {
            Id = Guid.NewGuid(), CaseId = draft.Id, MunicipalityId = draft.MunicipalityId, At = now, Visibility = Visibility.Public, By = "resident",
            Text = $"Created from appeal {appealCase.Reference}. Complete it and sign the declaration to file it.",
        }];
        db.Cases.Add(draft);
        audit.Record(db, "complaint.drafted-from-appeal", "Case", draft.Reference, draft.MunicipalityId, appealCase.Reference);
        return new FiledCase(draft, token, false);
    }

    private async Task<string> NextReferenceAsync(CaseKind kind, int year, CancellationToken ct)
    {
        var prefix = CaseReferences.Prefix(kind);
        var counter = await db.Counters.FirstOrDefaultAsync(c => c.Prefix == prefix && c.Year == year, ct);
        if (counter is null)
        {
            counter = new ReferenceCounter { Prefix = prefix, Year = year };
            db.Counters.Add(counter);
        }

        counter.Last++;
        return CaseReferences.Format(kind, year, counter.Last);
    }
}
