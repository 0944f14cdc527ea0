using Governance.Complaints.Domain;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Workflows.CodeOfConduct;

/// <summary>
/// R16: complaints disposed of as duplicates of a lead complaint (as with petition-style complaints) are answered with
/// it: each of their complainants is told what happens to the lead, on their own case and by e-mail.
/// </summary>
internal static class Duplicates
{
    public static async Task TellAsync(StepContext step, string subject, string text, CancellationToken ct)
    {
        var joined = await step.Db.Cases.Include(c => c.Complaint)
            .Where(c => c.Complaint!.LeadReference == step.Case.Reference && c.MunicipalityId == step.Case.MunicipalityId)
            .ToListAsync(ct);
        foreach (var duplicate in joined)
        {
            step.Db.Timeline.Add(new TimelineEntry
            {
                Id = Guid.NewGuid(), CaseId = duplicate.Id, MunicipalityId = duplicate.MunicipalityId, At = step.Now, Visibility = Visibility.Public,
                By = step.ActorName, Text = $"The complaint yours was joined to ({step.Case.Reference}): {text}",
            });
            step.Mail.Resident(duplicate, subject, $"Your complaint was joined to {step.Case.Reference}, which raises the same matter.\n\n{text}");
        }
    }
}
