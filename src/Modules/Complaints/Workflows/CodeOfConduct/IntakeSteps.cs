using Governance.Complaints.Domain;
using Governance.Complaints.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Workflows.CodeOfConduct;

/// <summary>Intake accepts a complaint for assessment: a late one with the IC's reason, a sworn one with its commissioning (R16).</summary>
internal sealed class AcceptForAssessment : CaseStep
{
    public override string Action => "accept_for_assessment";

    public override string Label => "Accept for preliminary assessment";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("lateReason", "If the complaint came after the time limit: why it is accepted", FieldKind.LongText, Required: false, MaxLength: 4000),
        new("commissionedBy", "If the protocol requires a sworn declaration: who commissioned it", FieldKind.Text, Required: false, MaxLength: 200),
        new("commissionedOn", "and on what date", FieldKind.Date, Required: false),
    ];

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        var complaint = step.Case.Complaint!;
        if (FairProcess.LateAcceptanceRefusal(complaint.FiledLate, request.LateReason ?? complaint.LateReason) is { } late)
        {
            step.Error("lateReason", late);
        }

        if (complaint.DeclarationKind == DeclarationKind.Sworn && complaint.CommissionedBy is null)
        {
            if (string.IsNullOrWhiteSpace(request.CommissionedBy))
            {
                step.Error("commissionedBy", "This municipality requires a sworn or affirmed declaration: record who commissioned it.");
            }

            if (request.CommissionedOn is not { } on || on > step.Today)
            {
                step.Error("commissionedOn", "Enter the date the declaration was commissioned (today or earlier).");
            }
        }

        if (step.Failed)
        {
            return Task.CompletedTask;
        }

        if (!string.IsNullOrWhiteSpace(request.LateReason))
        {
            complaint.LateReason = request.LateReason.Trim();
            step.Timeline(Visibility.Internal, $"Accepted after the time limit: {complaint.LateReason}");
        }

        if (!string.IsNullOrWhiteSpace(request.CommissionedBy))
        {
            complaint.CommissionedBy = request.CommissionedBy.Trim();
            complaint.CommissionedOn = request.CommissionedOn;
            step.Timeline(Visibility.Internal, $"Sworn declaration commissioned by {complaint.CommissionedBy} on {complaint.CommissionedOn:d MMMM yyyy}.");
        }

        step.Timeline(Visibility.Public, "Your complaint passed the first check and is being assessed.");
        return Task.CompletedTask;
    }
}

/// <summary>R16: a coded disposition closes the complaint with reasons the complainant reads; a duplicate is linked to its lead case.</summary>
internal sealed class Dispose : CaseStep
{
    public override string Action => "dispose";

    public override string Label => "Close with a coded disposition";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("disposition", "Disposition", FieldKind.Choice, Options:
        [
            (nameof(IntakeDisposition.OutsideJurisdiction), "Outside jurisdiction"),
            (nameof(IntakeDisposition.OutOfTime), "Out of time"),
            (nameof(IntakeDisposition.FrivolousVexatiousOrBadFaith), "Frivolous, vexatious or in bad faith"),
            (nameof(IntakeDisposition.InsufficientGrounds), "Insufficient grounds"),
            (nameof(IntakeDisposition.Duplicate), "Duplicate of another complaint (answered with it)"),
            (nameof(IntakeDisposition.ResolvedInformally), "Resolved informally"),
        ]),
        new("leadReference", "For a duplicate: the lead complaint's reference", FieldKind.Text, Required: false, MaxLength: 20),
        new("reasons", "Reasons (the complainant will read them)", FieldKind.LongText, MaxLength: 8000),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (request.Disposition is not { } disposition || !FairProcess.Closes(disposition))
        {
            step.Error("disposition", "Choose how the complaint is disposed of; to investigate, use Investigate; a withdrawal goes through the withdrawal request.");
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Reasons))
        {
            step.Error("reasons", "Give the reasons, in plain words: the complainant will read them.");
        }

        Case? lead = null;
        if (disposition == IntakeDisposition.Duplicate)
        {
            var reference = request.LeadReference?.Trim().ToUpperInvariant() ?? "";
            lead = CaseReferences.IsWellFormed(reference) && reference != step.Case.Reference
                ? await step.Db.Cases.Include(c => c.Complaint).FirstOrDefaultAsync(c => c.Reference == reference && c.Kind == CaseKind.Complaint
                    && c.MunicipalityId == step.Case.MunicipalityId, ct)
                : null;
            if (lead is null)
            {
                step.Error("leadReference", "Give the reference of another complaint in this municipality, like COC-2026-000012.");
            }
            else if (lead.Complaint!.Disposition == IntakeDisposition.Duplicate)
            {
                step.Error("leadReference", $"{lead.Reference} is itself a duplicate of {lead.Complaint.LeadReference}: join this one to that lead.");
            }
        }

        if (step.Failed)
        {
            return;
        }

        var complaint = step.Case.Complaint!;
        complaint.Disposition = disposition;
        complaint.LeadReference = lead?.Reference;
        var reasons = request.Reasons!.Trim();
        var explained = FairProcess.Explain(disposition);
        step.Timeline(Visibility.Public, $"{explained} Reasons: {reasons}");
        step.Mail.Resident(step.Case, "The Integrity Commissioner's decision on your complaint", $"{explained}\n\nReasons:\n{reasons}");
        await Duplicates.TellAsync(step, "The Integrity Commissioner's decision", $"{explained} Reasons: {reasons}", ct);
        if (lead is not null)
        {
            step.Db.Timeline.Add(new TimelineEntry
            {
                Id = Guid.NewGuid(), CaseId = lead.Id, MunicipalityId = lead.MunicipalityId, At = step.Now, Visibility = Visibility.Internal,
                By = step.ActorName, Text = $"{step.Case.Reference} is a duplicate of this complaint and will be answered with it.",
            });
        }
    }
}

/// <summary>
/// R16: the IC investigates: the member is sent the complaint, with the complainant's name unless the IC withholds it
/// (with a reason), never their contact details (R15).
/// </summary>
internal sealed class Investigate : CaseStep
{
    public override string Action => "investigate";

    public override string Label => "Investigate (send the complaint to the member)";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("withholdName", "Withhold the complainant's name from the member", FieldKind.Check, Required: false),
        new("withholdReason", "Why the name is withheld", FieldKind.LongText, Required: false, MaxLength: 2000),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (request.WithholdName && string.IsNullOrWhiteSpace(request.WithholdReason))
        {
            step.Error("withholdReason", "Give the reason the complainant's name is withheld from the member.");
            return;
        }

        var complaint = step.Case.Complaint!;
        complaint.Disposition = IntakeDisposition.Investigate;
        complaint.MemberNotifiedAt = step.Now;
        if (request.WithholdName)
        {
            complaint.NameWithheldReason = request.WithholdReason!.Trim();
            step.Timeline(Visibility.Internal, $"The complainant's name is withheld from the member: {complaint.NameWithheldReason}");
        }

        step.Timeline(Visibility.Public, "A formal investigation started. The member was sent the complaint and may respond.");
        step.Mail.Resident(step.Case, "Your complaint is being investigated",
            "The Integrity Commissioner is investigating your complaint. The member was sent it and may respond; you will see the response and may reply.");
        var from = complaint.NameWithheldReason is null ? $"From: {step.Case.ContactName}\n\n" : "The complainant's name is withheld.\n\n";
        var body = $"The Integrity Commissioner is investigating a complaint about you.\n\n{from}Articles alleged: {complaint.Articles}\n\n"
            + $"What the complainant says:\n{complaint.WhatHappened}\n\nPosts:\n{complaint.PostLinks}\n\nYou may respond by the due date shown on the case.";
        if (complaint.MemberUserId is null)
        {
            step.Timeline(Visibility.Internal, "The member has no account here: send them the complaint by letter and record their response.");
        }
        else
        {
            await step.Mail.UserAsync(step.Case, complaint.MemberUserId, "A Code of Conduct complaint about you", body, ct);
        }
    }
}
