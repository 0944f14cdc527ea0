using System.ComponentModel.DataAnnotations;
using Governance.Complaints.Data;
using Governance.Complaints.Domain;
using Governance.Complaints.Workflows;
using Governance.Platform.Audit;
using Governance.Platform.Web;
using Governance.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Complaints.Features.Protocol;

/// <summary>A municipality's complaint protocol as the API shows and takes it (R12, R16, R9).</summary>
internal sealed record ProtocolView(ElectionProtocol ElectionProtocol, int WindowDaysBeforeNominationDay, int WindowDaysAfterVotingDay,
    bool WindowForByElections, int TimeLimitDays, DeclarationKind Declaration, bool NameMemberOnlyOnBreach, int AppealEscalationDays,
    Guid? AppealReviewerUserId, IReadOnlyList<string> LocalBoards, string? PrivacyContact, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>The IC's changes to the protocol. The window may start earlier or end later than the statute's, never the other way.</summary>
internal sealed class ProtocolRequest
{
    [Required(ErrorMessage = "Choose terminate (the statutory model) or hold.")]
    public ElectionProtocol? ElectionProtocol { get; init; }

    /// <summary>Days the window starts before nomination day: 0 (nomination day, the statutory minimum) to 120.</summary>
    [Range(0, ComplaintProtocolRules.MaxWindowExtensionDays, ErrorMessage = "The election period starts on nomination day at the latest (Municipal Act s.223.4.1), and at most 120 days before it.")]
    public int WindowDaysBeforeNominationDay { get; init; }

    /// <summary>Days the window goes on after voting day: 0 (voting day, the statutory minimum) to 120.</summary>
    [Range(0, ComplaintProtocolRules.MaxWindowExtensionDays, ErrorMessage = "The election period ends on voting day at the earliest (Municipal Act s.223.4.1), and at most 120 days after it.")]
    public int WindowDaysAfterVotingDay { get; init; }

    public bool WindowForByElections { get; init; }

    [Range(30, 730, ErrorMessage = "The time limit is from 30 to 730 days after the complainant became aware of the conduct.")]
    public int TimeLimitDays { get; init; } = 180;

    [Required(ErrorMessage = "Choose a typed or a sworn declaration.")]
    public DeclarationKind? Declaration { get; init; }

    public bool NameMemberOnlyOnBreach { get; init; } = true;

    [Range(7, 90, ErrorMessage = "A resident has from 7 to 90 days to escalate an appeal.")]
    public int AppealEscalationDays { get; init; } = 30;

    /// <summary>A clerk or an administrator of the municipality who reviews escalated appeals about its accounts.</summary>
    public Guid? AppealReviewerUserId { get; init; }

    [MaxLength(30, ErrorMessage = "List at most 30 local boards.")]
    public List<string> LocalBoards { get; init; } = [];

    /// <summary>MFIPPA s.29(2): the title, business address and phone of the official who answers questions about the collection.</summary>
    [MaxLength(500, ErrorMessage = "Keep the privacy contact under 500 characters.")]
    public string? PrivacyContact { get; init; }
}

/// <summary>
/// The complaint protocol of a municipality, which its Integrity Commissioner sets (not the clerk nor an administrator):
/// every change is audited with what it was and what it became.
/// </summary>
internal sealed class ComplaintProtocols(ComplaintsDbContext db, ITenantScope tenant, ICurrentActor actor, Accounts.Contracts.IStaffDirectory staff,
    AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<ProtocolView>> GetAsync(Guid municipalityId, CancellationToken ct)
        => tenant.Allows(municipalityId)
            ? Result<ProtocolView>.Ok(View(await CaseSteps.ProtocolOf(db, municipalityId, ct)))
            : Result<ProtocolView>.NotFound();

    /// <summary>The protocol as the public forms need it (no sign-in: what the protocol says is public).</summary>
    public Task<ComplaintProtocol> PublicAsync(Guid municipalityId, CancellationToken ct) => CaseSteps.ProtocolOf(db, municipalityId, ct);

    public async Task<Result<ProtocolView>> SetAsync(Guid municipalityId, ProtocolRequest request, CancellationToken ct)
    {
        if (!tenant.Allows(municipalityId))
        {
            return Result<ProtocolView>.NotFound();
        }

        if (!actor.IsInRole(StaffRoles.IntegrityCommissioner))
        {
            return Result<ProtocolView>.Forbidden("Only the Integrity Commissioner sets the complaint protocol.");
        }

        var protocol = await db.Protocols.FirstOrDefaultAsync(p => p.MunicipalityId == municipalityId, ct);
        var before = protocol is null ? "default" : Describe(protocol);
        if (protocol is null)
        {
            protocol = ComplaintProtocol.Default(municipalityId);
            db.Protocols.Add(protocol);
        }

        protocol.ElectionProtocol = request.ElectionProtocol!.Value;
        protocol.WindowDaysBeforeNominationDay = request.WindowDaysBeforeNominationDay;
        protocol.WindowDaysAfterVotingDay = request.WindowDaysAfterVotingDay;
        protocol.WindowForByElections = request.WindowForByElections;
        protocol.TimeLimitDays = request.TimeLimitDays;
        protocol.Declaration = request.Declaration!.Value;
        protocol.NameMemberOnlyOnBreach = request.NameMemberOnlyOnBreach;
        protocol.AppealEscalationDays = request.AppealEscalationDays;
        protocol.AppealReviewerUserId = request.AppealReviewerUserId;
        protocol.LocalBoards = string.Join('\n', request.LocalBoards.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct());
        protocol.PrivacyContact = string.IsNullOrWhiteSpace(request.PrivacyContact) ? null : request.PrivacyContact.Trim();
        var errors = ComplaintProtocolRules.Check(protocol);
        if (request.AppealReviewerUserId is { } reviewer && !(await staff.StaffOfAsync(municipalityId, ct))
                .Any(s => s.UserId == reviewer && (s.Roles.Contains(StaffRoles.Clerk) || s.Roles.Contains(StaffRoles.Administrator))))
        {
            errors["appealReviewerUserId"] = ["The reviewer is a clerk or an administrator of this municipality."];
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<ProtocolView>.Invalid(errors);
        }

        protocol.UpdatedBy = actor.Name;
        protocol.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, "complaints.protocol-set", "ComplaintProtocol", municipalityId.ToString(), municipalityId,
            $"from {before} to {Describe(protocol)}");
        await db.SaveChangesAsync(ct);
        return Result<ProtocolView>.Ok(View(protocol));
    }

    private static ProtocolView View(ComplaintProtocol p) => new(p.ElectionProtocol, p.WindowDaysBeforeNominationDay, p.WindowDaysAfterVotingDay,
        p.WindowForByElections, p.TimeLimitDays, p.Declaration, p.NameMemberOnlyOnBreach, p.AppealEscalationDays, p.AppealReviewerUserId,
        p.LocalBoardList, p.PrivacyContact, p.UpdatedAt is null ? null : p.UpdatedBy, p.UpdatedAt);

    private static string Describe(ComplaintProtocol p)
        => $"{p.ElectionProtocol}, window -{p.WindowDaysBeforeNominationDay}/+{p.WindowDaysAfterVotingDay} days{(p.WindowForByElections ? " incl. by-elections" : "")}, "
           + $"time limit {p.TimeLimitDays} days, {p.Declaration} declaration, {(p.NameMemberOnlyOnBreach ? "member named only on breach" : "member named")}, "
           + $"escalation {p.AppealEscalationDays} days, reviewer {p.AppealReviewerUserId?.ToString() ?? "clerks"}, {p.LocalBoardList.Count} local board(s)";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/complaints/municipalities/{municipalityId:guid}/protocol").WithTags("Complaint protocol")
            .RequireAuthorization();
        api.MapGet("/", async (Guid municipalityId, ComplaintProtocols protocols, CancellationToken ct) =>
            (await protocols.GetAsync(municipalityId, ct)).ToHttp(p => TypedResults.Ok(p)));
        api.MapPut("/", async (Guid municipalityId, ProtocolRequest request, ComplaintProtocols protocols, CancellationToken ct) =>
                (await protocols.SetAsync(municipalityId, request, ct)).ToHttp(p => TypedResults.Ok(p)))
            .Validates<ProtocolRequest>()
            .RequireAuthorization(StaffPolicies.Commissioners);
    }
}
