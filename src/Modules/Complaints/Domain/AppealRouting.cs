namespace Governance.Complaints.Domain;

/// <summary>Who runs the account an appeal is about (R9).</summary>
internal enum AccountOwnerKind
{
    /// <summary>Not yet identified: intake must find the account first.</summary>
    Unknown = 0,

    /// <summary>The municipality's (or a staff unit's) account: its social media team decides.</summary>
    Corporate = 1,

    /// <summary>A member of council's account: the member decides.</summary>
    Member = 2,
}

/// <summary>Where a resident who is not satisfied may take an appeal, once (R9).</summary>
internal enum EscalationRoute
{
    /// <summary>A member's account: to the Integrity Commissioner, as a Code of Conduct complaint (R16).</summary>
    IntegrityCommissioner = 1,

    /// <summary>A corporate account: to the municipality's reviewer, whose answer names Ombudsman Ontario.</summary>
    MunicipalReviewer = 2,
}

/// <summary>The decisions on an appeal (R9).</summary>
internal enum AppealOutcome
{
    /// <summary>The action stands, under a rule the account had posted.</summary>
    Upheld = 1,
    AccessRestored = 2,
    ContentReinstated = 3,
}

/// <summary>The owner of the account appealed: who decides, and who may not (the person who acted).</summary>
internal sealed record AppealOwner(AccountOwnerKind Kind, Guid? MemberUserId, Guid? ActedByUserId);

/// <summary>
/// R9 (Toronto 23(c)(v) and commentary): a resident asks the account's owner for review and restoration: the member
/// for a member's account, the social media team for a corporate account, someone other than the person who acted.
/// The Integrity Commissioner has no power over corporate accounts and cannot order a member to unblock anyone.
/// </summary>
internal static class AppealRouting
{
    /// <summary>The owner, from the registry's owner type ("Member", "Municipality", "StaffUnit", "Campaign").</summary>
    public static AppealOwner Route(string? ownerType, Guid? ownerUserId, Guid? actedByUserId) => ownerType switch
    {
        "Member" or "Campaign" when ownerUserId is not null => new AppealOwner(AccountOwnerKind.Member, ownerUserId, actedByUserId),
        "Municipality" or "StaffUnit" => new AppealOwner(AccountOwnerKind.Corporate, null, actedByUserId),
        _ => new AppealOwner(AccountOwnerKind.Unknown, null, actedByUserId),
    };

    /// <summary>Whether this person decides the appeal; when not, why in plain words (null: they do).</summary>
    public static string? WhyNotDecider(AppealOwner owner, Guid? userId, bool isSocialMediaManager) => owner.Kind switch
    {
        AccountOwnerKind.Member when userId is not null && userId == owner.MemberUserId => null,
        AccountOwnerKind.Member => "The member who runs this account decides the appeal.",
        AccountOwnerKind.Corporate when !isSocialMediaManager => "A social media manager decides appeals about the municipality's accounts.",
        AccountOwnerKind.Corporate when userId is not null && userId == owner.ActedByUserId
            => "You took the action appealed: another social media manager decides (someone other than the person who acted).",
        AccountOwnerKind.Corporate => null,
        _ => "Intake has not identified the account yet.",
    };

    public static EscalationRoute Escalation(AppealOwner owner)
        => owner.Kind == AccountOwnerKind.Member ? EscalationRoute.IntegrityCommissioner : EscalationRoute.MunicipalReviewer;

    /// <summary>The last day a resident may escalate an upheld appeal.</summary>
    public static DateOnly EscalationDeadline(DateOnly decidedOn, int days) => decidedOn.AddDays(days);

    /// <summary>
    /// R8, R9 and R4: a decision gives reasons and answers each Human Rights Code ground raised; upholding cites a rule of
    /// the house rules the account had posted and in force on the day of the action; restoring needs reasons, not a rule.
    /// </summary>
    public static Dictionary<string, string[]> CheckDecision(AppealOutcome outcome, string? reasons, string? ruleCode,
        IReadOnlyCollection<string> groundsRaised, IReadOnlyDictionary<string, string> answers, PostedRules? postedRules)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reasons))
        {
            errors["reasons"] = ["Give the reasons for the decision, in plain words: the resident will read them."];
        }

        var unanswered = groundsRaised.Where(g => !answers.TryGetValue(g, out var a) || string.IsNullOrWhiteSpace(a)).ToList();
        if (unanswered.Count > 0)
        {
            errors["assessments"] = [$"Answer each Human Rights Code ground the resident raised (R8): {string.Join(", ", unanswered.Select(HumanRightsGrounds.Label))}."];
        }

        if (answers.Keys.Any(g => !groundsRaised.Contains(g)))
        {
            errors["assessments"] = ["Answer only the grounds the resident raised."];
        }

        if (outcome == AppealOutcome.Upheld)
        {
            if (postedRules is null)
            {
                errors["ruleRelied"] = ["No house rules were published for this account on the day of the action, so the action cannot be upheld under a rule: a rule that was not posted cannot be enforced."];
            }
            else if (string.IsNullOrWhiteSpace(ruleCode) || !postedRules.Codes.Contains(ruleCode))
            {
                errors["ruleRelied"] = [$"Name the rule the action relied on, from the house rules in force that day ({postedRules.Title})."];
            }
        }

        return errors;
    }
}

/// <summary>The house rules in force on the day of an action, with the rule codes they carry.</summary>
internal sealed record PostedRules(string Title, IReadOnlySet<string> Codes);
