using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.HowCasesMove;

/// <summary>"How a case moves": drawn from the workflow definitions themselves, so it cannot disagree with them.</summary>
[AllowAnonymous]
internal sealed class IndexModel : PageModel
{
    public IReadOnlyList<CaseFlow> Flows { get; } = [CaseFlows.Latest(CaseKind.Appeal), CaseFlows.Latest(CaseKind.Complaint)];

    public static string Title(CaseFlow flow) => flow.Name == Workflows.Appeals.AppealFlow.Name
        ? "An appeal of a block or a removed post"
        : "A Code of Conduct complaint";

    public void OnGet()
    {
    }
}
