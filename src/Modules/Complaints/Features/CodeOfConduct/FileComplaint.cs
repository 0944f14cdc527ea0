using System.ComponentModel.DataAnnotations;
using Governance.Accounts.Contracts;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Protocol;
using Governance.Complaints.Workflows;
using Governance.Complaints.Workflows.CodeOfConduct;
using Governance.Platform;
using Governance.Platform.Files;
using Governance.Platform.Workflows;
using Governance.Platform.Web;
using Governance.Policies.Contracts;
using Governance.SharedKernel;

namespace Governance.Complaints.Features.CodeOfConduct;

/// <summary>
/// R16: identity and a signed declaration (sworn where the protocol requires it); complaints from residents, members or
/// council, about members of council or of the local boards the municipality lists; the articles from the municipality's
/// catalogue (R10); the time limit from awareness. R12: in the election period the terminate protocol refuses the
/// complaint and stores nothing; the hold protocol holds it until the period ends.
/// </summary>
internal sealed class FileComplaint(ComplaintsDbContext db, IStaffDirectory staff, IPolicyCatalog policies, ElectionWindows windows,
    CaseFiling filing, WorkflowRuntime workflows, TimeProvider clock)
{
    public async Task<Result<FiledCase>> FileAsync(FileComplaintRequest request, IReadOnlyList<UploadedFile> files, string baseUrl,
        CancellationToken ct)
    {
        var (municipality, answered) = await filing.OpenAsync(request, ct);
        if (municipality is null || answered is not null)
        {
            return answered!; // turned away, or the case this form already filed
        }

        var today = clock.TodayIn(municipality.TimeZone);
        var protocol = await CaseSteps.ProtocolOf(db, municipality.Id, ct);
        var window = await windows.OnAsync(municipality.Id, today, ct);
        if (ElectionPeriod.Refusal(window, protocol) is { } refused)
        {
            return Result<FiledCase>.Conflict(refused);
        }

        var errors = new Dictionary<string, string[]>();
        StaffMember? member = null;
        if (!string.IsNullOrWhiteSpace(request.LocalBoard))
        {
            if (!protocol.LocalBoardList.Contains(request.LocalBoard.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                errors["localBoard"] = ["Choose a local board from this municipality's list."];
            }

            if (string.IsNullOrWhiteSpace(request.RespondentName))
            {
                errors["respondentName"] = ["Enter the name of the local board member."];
            }
        }
        else
        {
            member = (await staff.StaffOfAsync(municipality.Id, ct)).FirstOrDefault(s => s.UserId == request.MemberId && s.Roles.Contains(StaffRoles.Member));
            if (member is null)
            {
                errors["memberId"] = ["Choose a member of council from the list."];
            }
        }

        if (!Enum.IsDefined(request.ComplainantKind))
        {
            errors["complainantKind"] = ["Say whether you are a resident, a member of council, or council."];
        }

        if (!string.Equals(request.DeclarationName.Trim(), request.Name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors["declarationName"] = ["Sign the declaration with the same full name you gave above."];
        }

        var (articles, links) = await CheckStatementAsync(municipality.Id, request, today, errors, ct);
        if (await CaseFiling.CheckFilesAsync(files, ct) is { } problem)
        {
            errors["evidence"] = [problem];
        }

        if (errors.Count > 0)
        {
            return Result<FiledCase>.Invalid(errors);
        }

        var late = FairProcess.IsLate(today, request.AwareOn!.Value, protocol.TimeLimitDays);
        var hold = ElectionPeriod.HoldsNewComplaint(window, protocol);
        var draft = new Case
        {
            MunicipalityId = municipality.Id,
            Kind = CaseKind.Complaint,
            SubmissionId = request.SubmissionId,
            ContactName = request.Name.Trim(),
            ContactEmail = request.Email.Trim(),
            Complaint = Details(request, articles, links, protocol, late, clock.GetUtcNow()),
        };
        draft.Complaint.ComplainantKind = request.ComplainantKind;
        draft.Complaint.MemberUserId = member?.UserId;
        draft.Complaint.MemberName = member?.DisplayName ?? request.RespondentName!.Trim();
        draft.Complaint.LocalBoard = member is null ? request.LocalBoard!.Trim() : null;
        draft.Complaint.HeldUntil = hold ? window!.Reopens : null;
        var received = Received(late, protocol, hold ? window : null);
        return Result<FiledCase>.Ok(await filing.FileAsync(draft, ComplaintFlow.Name, received, "Your Code of Conduct complaint",
            link => $"Hello {request.Name.Trim()},\n\n{received}\n\nYou can follow your complaint, add information or ask to withdraw it here (keep this link private):\n{link}\n",
            baseUrl, files, ct, hold: hold));
    }

    /// <summary>The resident completes and signs a complaint escalated from their appeal; the inquiry starts then.</summary>
    public async Task<Result<bool>> CompleteAsync(Case found, CompleteComplaintRequest request, CancellationToken ct)
    {
        var municipality = await staff.StaffOfAsync(found.MunicipalityId, ct); // the member must still be on council
        var timeZone = (await filing.MunicipalityAsync(found.MunicipalityId, ct))?.TimeZone;
        var today = clock.TodayIn(timeZone ?? MunicipalTime.DefaultTimeZone);
        var protocol = await CaseSteps.ProtocolOf(db, found.MunicipalityId, ct);
        var window = await windows.OnAsync(found.MunicipalityId, today, ct);
        if (ElectionPeriod.Refusal(window, protocol) is { } refused)
        {
            return Result<bool>.Conflict(refused);
        }

        var errors = new Dictionary<string, string[]>();
        if (!string.Equals(request.DeclarationName.Trim(), found.ContactName.Trim(), StringComparison.OrdinalIgnoreCase) || found.ContactName.Trim().Length < 2)
        {
            errors["declarationName"] = [found.ContactName.Trim().Length < 2
                ? "Your appeal has no full name: a formal complaint cannot be anonymous. Sign with your full name and it becomes your name on the complaint."
                : "Sign the declaration with the full name on your appeal."];
        }

        if (found.ContactName.Trim().Length < 2 && request.DeclarationName.Trim().Length >= 2)
        {
            errors.Remove("declarationName");
            found.ContactName = request.DeclarationName.Trim();
        }

        var (articles, links) = await CheckStatementAsync(found.MunicipalityId, request, today, errors, ct);
        if (!municipality.Any(s => s.UserId == found.Complaint!.MemberUserId && s.Roles.Contains(StaffRoles.Member)))
        {
            errors["memberId"] = ["The member who runs the account is no longer on council here; file a new complaint instead."];
        }

        if (errors.Count > 0)
        {
            return Result<bool>.Invalid(errors);
        }

        var late = FairProcess.IsLate(today, request.AwareOn!.Value, protocol.TimeLimitDays);
        var signed = Details(request, articles, links, protocol, late, clock.GetUtcNow());
        var complaint = found.Complaint!;
        complaint.PostLinks = signed.PostLinks;
        complaint.Articles = signed.Articles;
        complaint.WhatHappened = signed.WhatHappened;
        complaint.AllegesDiscrimination = signed.AllegesDiscrimination;
        complaint.ConductOn = signed.ConductOn;
        complaint.AwareOn = signed.AwareOn;
        complaint.FiledLate = late;
        complaint.Phone = signed.Phone;
        complaint.PostalAddress = signed.PostalAddress;
        complaint.DeclarationName = signed.DeclarationName;
        complaint.DeclarationKind = signed.DeclarationKind;
        complaint.DeclaredAt = signed.DeclaredAt;
        var hold = ElectionPeriod.HoldsNewComplaint(window, protocol);
        complaint.HeldUntil = hold ? window!.Reopens : null;
        found.Status = hold ? CaseStatus.OnHold : CaseStatus.Open;
        found.SubmittedAt = clock.GetUtcNow();
        db.Timeline.Add(new TimelineEntry
        {
            Id = Guid.NewGuid(), CaseId = found.Id, MunicipalityId = found.MunicipalityId, At = clock.GetUtcNow(), Visibility = Visibility.Public,
            By = "resident", Text = Received(late, protocol, hold ? window : null),
        });
        var instance = await workflows.StartAsync(db, ComplaintFlow.Name, found.MunicipalityId, found.Reference, ct);
        if (hold)
        {
            await workflows.SuspendAsync(db, instance.Id, "held: election period", ct);
        }

        return Result<bool>.Ok(true);
    }

    private async Task<(List<ConductArticle> Articles, string[] Links)> CheckStatementAsync(Guid municipalityId, IComplaintStatement statement,
        DateOnly today, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var catalogue = await policies.ArticlesAsync(municipalityId, ct);
        var articles = catalogue.Where(a => statement.Articles.Contains(a.Id)).ToList();
        if (articles.Count == 0 || articles.Count != statement.Articles.Distinct().Count())
        {
            errors["articles"] = ["Choose articles from this municipality's Code of Conduct."];
        }

        var links = statement.PostLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (links.Length == 0 || links.Any(l => !Uri.TryCreate(l, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http")))
        {
            errors["postLinks"] = ["Each line must be a full link starting with https://."];
        }

        foreach (var (field, messages) in FairProcess.CheckDates(statement.ConductOn, statement.AwareOn, today))
        {
            errors[field] = messages;
        }

        if (!statement.DeclarationConfirmed)
        {
            errors["declarationConfirmed"] = ["Confirm the declaration to continue."];
        }

        return (articles, links);
    }

    private static ComplaintDetails Details(IComplaintStatement s, List<ConductArticle> articles, string[] links, ComplaintProtocol protocol,
        bool late, DateTimeOffset now) => new()
    {
        PostLinks = string.Join('\n', links),
        Articles = string.Join("; ", articles.Select(a => $"{(a.Number.Length > 0 ? a.Number + " " : "")}{a.Title}")),
        WhatHappened = s.WhatHappened.Trim(),
        AllegesDiscrimination = s.AllegesDiscrimination,
        ConductOn = s.ConductOn,
        AwareOn = s.AwareOn,
        FiledLate = late,
        Phone = string.IsNullOrWhiteSpace(s.Phone) ? null : s.Phone.Trim(),
        PostalAddress = string.IsNullOrWhiteSpace(s.PostalAddress) ? null : s.PostalAddress.Trim(),
        DeclarationName = s.DeclarationName.Trim(),
        DeclarationKind = protocol.Declaration,
        DeclaredAt = now,
    };

    /// <summary>What the complainant is told on filing: held, late, or sworn, in plain words.</summary>
    private static string Received(bool late, ComplaintProtocol protocol, ElectionWindow? held)
    {
        var text = "We received your complaint.";
        if (held is not null)
        {
            text += $" It is on hold during the election period, until {held.Reopens:d MMMM yyyy}.";
        }

        if (late)
        {
            text += $" It came more than {protocol.TimeLimitDays} days after you became aware of the conduct: the Integrity Commissioner decides whether to accept it late.";
        }

        if (protocol.Declaration == DeclarationKind.Sworn)
        {
            text += " This municipality requires a sworn or affirmed declaration: the Integrity Commissioner's office will tell you how to swear it before a commissioner.";
        }

        return text;
    }
}
