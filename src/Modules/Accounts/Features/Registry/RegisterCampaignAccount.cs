using Governance.Accounts.Data;
using Governance.Accounts.Domain;
using Governance.Elections.Contracts;
using Governance.Platform.Audit;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Accounts.Features.Registry;

/// <summary>
/// A candidate's separate campaign account (R11) joins the registry as a campaign account, classified not
/// official. Idempotent: the id comes with the event, and a redelivery finds the account already there.
/// </summary>
internal sealed class RegisterCampaignAccount(AccountsDbContext db, AuditTrail audit, TimeProvider clock)
    : IIntegrationEventHandler<CampaignAccountDeclared>
{
    public async Task HandleAsync(CampaignAccountDeclared e, CancellationToken cancellationToken)
    {
        var platform = Enum.TryParse<SocialPlatform>(e.Platform, out var p) ? p : SocialPlatform.Other;
        if (await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.Id == e.AccountId
                || (a.MunicipalityId == e.MunicipalityId && a.Platform == platform && a.Handle == e.Handle), cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var account = new SocialAccount
        {
            Id = e.AccountId, MunicipalityId = e.MunicipalityId, Platform = platform, Handle = e.Handle, ProfileUrl = e.ProfileUrl,
            Owner = AccountOwner.Campaign, OwnerName = e.MemberName, OwnerUserId = e.MemberUserId,
            Purpose = "Election campaign account (declared in the candidate's campaign plan).", ResponsibleName = e.MemberName,
            ResponsibleEmail = e.MemberEmail, CreatedAt = now,
        };
        db.Accounts.Add(account);
        db.Classifications.Add(account.Classify(new Dictionary<string, Fact>(), "{}", "system", now));
        audit.Record(db, "account.registered", "SocialAccount", account.Id.ToString(), account.MunicipalityId, $"campaign {platform} {e.Handle}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
