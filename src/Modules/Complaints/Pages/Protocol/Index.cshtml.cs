using Governance.Accounts.Contracts;
using Governance.Complaints.Domain;
using Governance.Complaints.Features.Protocol;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Complaints.Pages.Protocol;

/// <summary>The Integrity Commissioner's complaint protocol for the current municipality (R12, R16, R9).</summary>
[Authorize(Policy = StaffPolicies.Commissioners)]
internal sealed class IndexModel(ComplaintProtocols protocols, IStaffDirectory staff) : PageModel
{
    public ProtocolView Current { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Reviewers { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(ElectionProtocol? electionProtocol, int windowDaysBeforeNominationDay, int windowDaysAfterVotingDay,
        bool windowForByElections, int timeLimitDays, DeclarationKind? declaration, bool nameMemberOnlyOnBreach, int appealEscalationDays,
        Guid? appealReviewerUserId, string? localBoards, string? privacyContact, CancellationToken ct)
    {
        if (PageHelpers.CurrentMunicipality(HttpContext) is not { } municipality)
        {
            return NotFound();
        }

        var request = new ProtocolRequest
        {
            ElectionProtocol = electionProtocol, WindowDaysBeforeNominationDay = windowDaysBeforeNominationDay,
            WindowDaysAfterVotingDay = windowDaysAfterVotingDay, WindowForByElections = windowForByElections, TimeLimitDays = timeLimitDays,
            Declaration = declaration, NameMemberOnlyOnBreach = nameMemberOnlyOnBreach, AppealEscalationDays = appealEscalationDays,
            AppealReviewerUserId = appealReviewerUserId, PrivacyContact = privacyContact,
            LocalBoards = (localBoards ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
        ModelState.Clear();
        if (ModelState.TryValidate(request, prefix: ""))
        {
            var saved = await protocols.SetAsync(municipality, request, ct);
            if (saved.Succeeded)
            {
                return Redirect("/complaints/protocol?saved=true");
            }

            saved.AddTo(ModelState, prefix: "");
        }

        // Shown again as typed, beside the problems, so nothing else the IC changed is lost.
        var shown = await LoadAsync(ct);
        Current = Current with
        {
            ElectionProtocol = request.ElectionProtocol ?? Current.ElectionProtocol, WindowDaysBeforeNominationDay = windowDaysBeforeNominationDay,
            WindowDaysAfterVotingDay = windowDaysAfterVotingDay, WindowForByElections = windowForByElections, TimeLimitDays = timeLimitDays,
            Declaration = declaration ?? Current.Declaration, NameMemberOnlyOnBreach = nameMemberOnlyOnBreach, AppealEscalationDays = appealEscalationDays,
            AppealReviewerUserId = appealReviewerUserId, LocalBoards = request.LocalBoards, PrivacyContact = privacyContact,
        };
        return shown;
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (PageHelpers.CurrentMunicipality(HttpContext) is not { } municipality)
        {
            return NotFound();
        }

        Current = (await protocols.GetAsync(municipality, ct)).Value!;
        Reviewers = (await staff.StaffOfAsync(municipality, ct))
            .Where(s => s.Roles.Contains(StaffRoles.Clerk) || s.Roles.Contains(StaffRoles.Administrator)).ToList();
        return Page();
    }
}
