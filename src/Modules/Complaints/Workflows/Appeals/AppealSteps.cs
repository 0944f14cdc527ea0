using Governance.Accounts.Contracts;
using Governance.Complaints.Contracts;
using Governance.Complaints.Domain;
using Governance.Complaints.Features;
using Governance.Complaints.Features.Staff;
using Governance.Policies.Contracts;
using Governance.SharedKernel;

namespace Governance.Complaints.Workflows.Appeals;

/// <summary>Intake identifies the account (and the action appealed, when on record) and sends the appeal to its owner (R9).</summary>
internal sealed class RouteToOwner : CaseStep
{
    public override string Action => "route_to_owner";

    public override string Label => "Send to whoever runs the account";

    public override IReadOnlyList<StepField> Fields { get; } =
    [
        new("accountId", "The account appealed (when the resident only described it)", FieldKind.Account, Required: false),
        new("actionId", "The moderation action appealed, if it is on record", FieldKind.Choice, Required: false,
            Hint: "Whoever took it may not decide the appeal."),
    ];

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        var appeal = step.Case.Appeal!;
        var accountId = request.AccountId ?? appeal.AccountId;
        var accounts = step.Service<IAccountRegistry>();
        var account = accountId is { } id ? await accounts.FindAsync(step.Case.MunicipalityId, id, ct) : null;
        if (account is null)
        {
            step.Error("accountId", accountId is null
                ? "Choose the account from the registry: the resident described it as: " + appeal.AccountDescription
                : "That account is not in this municipality's registry.");
            return;
        }

        ModerationRecord? action = null;
        if (request.ActionId is { } actionId)
        {
            var against = string.IsNullOrWhiteSpace(appeal.PlatformHandle) ? []
                : await accounts.ActionsAgainstAsync(step.Case.MunicipalityId, account.Id, appeal.PlatformHandle, ct);
            action = against.FirstOrDefault(a => a.ActionId == actionId);
            if (action is null)
            {
                step.Error("actionId", "Choose one of the actions recorded against the resident on this account.");
                return;
            }
        }

        var owner = AppealRouting.Route(account.OwnerType, account.OwnerUserId, action?.ActorUserId);
        if (owner.Kind == AccountOwnerKind.Unknown)
        {
            step.Error("accountId", "The registry does not say who runs this account: record its owner in the account registry first.");
            return;
        }

        appeal.AccountId = account.Id;
        appeal.AccountDescription = $"{account.Handle} ({account.Platform})";
        appeal.OwnerKind = owner.Kind;
        appeal.OwnerUserId = owner.MemberUserId;
        appeal.OwnerName = account.OwnerName;
        appeal.ActionId = action?.ActionId;
        appeal.ActedByUserId = action?.ActorUserId;
        appeal.RoutedAt = step.Now;
        var who = owner.Kind == AccountOwnerKind.Member ? $"{account.OwnerName}, the member who runs {account.Handle}" : $"the team that runs {account.Handle}";
        step.Timeline(Visibility.Public, $"Your appeal was sent to {who}, who will decide it.");
        step.Mail.Resident(step.Case, "Your appeal was sent for a decision", $"Your appeal was sent to {who}, who will decide it and give reasons.");
        const string body = "A resident appealed a moderation action on an account you run. Please decide it with reasons, answering each Human Rights Code ground they raised.";
        if (owner.Kind == AccountOwnerKind.Member)
        {
            await step.Mail.UserAsync(step.Case, owner.MemberUserId, "An appeal for you to decide", body, ct);
        }
        else
        {
            await step.Mail.RoleAsync(step.Case, StaffRoles.SocialMediaManager, "An appeal for the social media team to decide", body, ct, except: owner.ActedByUserId);
        }
    }
}

/// <summary>Intake closes an appeal that is not about an official account's moderation, telling the resident why.</summary>
internal sealed class CloseOutOfScope : CaseStep
{
    public override string Action => "close_out_of_scope";

    public override string Label => "Close: not within scope";

    public override IReadOnlyList<StepField> Fields { get; } =
        [new("messageToResident", "What the resident is told, in plain words", FieldKind.LongText, MaxLength: 4000)];

    public override Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.MessageToResident))
        {
            step.Error("messageToResident", "Write what the resident is told, in plain words.");
            return Task.CompletedTask;
        }

        step.Timeline(Visibility.Public, $"We closed your appeal: {request.MessageToResident.Trim()}");
        step.Mail.Resident(step.Case, "Your appeal is closed", $"We closed your appeal:\n\n{request.MessageToResident.Trim()}");
        return Task.CompletedTask;
    }
}

/// <summary>
/// The owner decides (R8, R9, R4): with reasons, answering each Human Rights Code ground raised; upholding cites a rule
/// from the house rules in force on the day of the action; restoring needs reasons, not a rule.
/// </summary>
internal sealed class DecideAppeal(AppealOutcome outcome) : CaseStep
{
    public override string Action => outcome switch
    {
        AppealOutcome.Upheld => "uphold",
        AppealOutcome.AccessRestored => "restore_access",
        _ => "reinstate_content",
    };

    public override string Label => outcome switch
    {
        AppealOutcome.Upheld => "Keep the action (uphold it)",
        AppealOutcome.AccessRestored => "Restore access (unblock)",
        _ => "Put the content back",
    };

    public override IReadOnlyList<StepField> Fields => outcome == AppealOutcome.Upheld
        ? [Answers, new("ruleRelied", "The posted rule the action relied on", FieldKind.Rule), Reasons]
        : [Answers, Reasons];

    private static readonly StepField Answers = new("assessments", "Your answer to each Human Rights Code ground the resident raised", FieldKind.GroundAnswers,
        Hint: "Say whether the action had an adverse effect on the resident because of that ground, and why.");

    private static readonly StepField Reasons = new("reasons", "Reasons (the resident will read them)", FieldKind.LongText, MaxLength: 8000);

    public override string? Refusal(StepContext step)
        => AppealRouting.WhyNotDecider(step.Case.Appeal!.Owner, step.Viewer.UserId, step.Viewer.Is(StaffRoles.SocialMediaManager));

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        var appeal = step.Case.Appeal!;
        var grounds = appeal.Grounds.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var answers = request.Assessments.GroupBy(a => a.Ground).ToDictionary(g => g.Key, g => g.Last().Assessment?.Trim() ?? "");
        PostedRules? posted = null;
        if (outcome == AppealOutcome.Upheld)
        {
            var policies = step.Service<IPolicyCatalog>();
            var rules = await policies.HouseRulesInForceAsync(step.Case.MunicipalityId, appeal.AccountId, appeal.HappenedOn, ct);
            posted = rules is null ? null : new PostedRules($"{rules.Title}, version {rules.Number}",
                (await policies.RulesAsync(step.Case.MunicipalityId, ct)).Select(r => r.Code).ToHashSet());
        }

        step.AddErrors(AppealRouting.CheckDecision(outcome, request.Reasons, request.RuleRelied, grounds, answers, posted));
        if (answers.Values.Any(a => a.Length > 2000))
        {
            step.Error("assessments", "Keep each answer under 2,000 characters.");
        }

        if (step.Failed)
        {
            return;
        }

        var reasons = request.Reasons!.Trim();
        // An appeal moved back from version 1 (decided by the IC, which the law does not allow) is decided again by its owner;
        // the earlier decision stays in the timeline.
        var decision = await step.DecisionAsync(ct);
        if (decision is null)
        {
            decision = new AppealDecision { CaseId = step.Case.Id };
            step.Db.Decisions.Add(decision);
        }

        decision.Outcome = outcome.ToString();
        decision.Reasons = reasons;
        decision.RuleRelied = outcome == AppealOutcome.Upheld ? request.RuleRelied! : "";
        decision.GroundAnswers = grounds.Length == 0 ? null : string.Join('\n', grounds.Select(g => $"{g}: {answers[g]}"));
        decision.DecidedBy = step.ActorName;
        decision.DecidedAt = step.Now;
        decision.RestoredAt = null;
        var said = outcome switch
        {
            AppealOutcome.Upheld => "The action stands.",
            AppealOutcome.AccessRestored => "Your access will be restored. You will be told when it is done.",
            _ => "Your content will be put back. You will be told when it is done.",
        };
        var groundsText = grounds.Length == 0 ? "" : "\n\nThe Human Rights Code grounds you raised:\n"
            + string.Join('\n', grounds.Select(g => $"- {HumanRightsGrounds.Label(g)}: {answers[g]}"));
        var next = "";
        if (outcome == AppealOutcome.Upheld)
        {
            appeal.EscalateBy = AppealRouting.EscalationDeadline(step.Today, step.Protocol.AppealEscalationDays);
            next = AppealRouting.Escalation(appeal.Owner) == EscalationRoute.IntegrityCommissioner
                ? $"\n\nIf you are not satisfied, you may take it to the Integrity Commissioner as a Code of Conduct complaint, once, until {appeal.EscalateBy:d MMMM yyyy}, through your private link."
                : $"\n\nIf you are not satisfied, you may ask the municipality's reviewer to look at it, once, until {appeal.EscalateBy:d MMMM yyyy}, through your private link.";
        }

        step.Timeline(Visibility.Public, $"Decision: {said} Reasons: {reasons}{groundsText}{next}");
        step.Mail.Resident(step.Case, "A decision on your appeal", $"{said}\n\nReasons:\n{reasons}{groundsText}{next}");
    }
}

/// <summary>The owner confirms the access or content is restored; the block ends on the register (an integration event).</summary>
internal sealed class ConfirmRestored : CaseStep
{
    public override string Action => "confirm_restored";

    public override string Label => "Confirm it is restored";

    public override string? Refusal(StepContext step)
        => AppealRouting.WhyNotDecider(step.Case.Appeal!.Owner, step.Viewer.UserId, step.Viewer.Is(StaffRoles.SocialMediaManager));

    public override async Task RecordAsync(StepContext step, CaseActionRequest request, CancellationToken ct)
    {
        var decision = await step.DecisionAsync(ct);
        var appeal = step.Case.Appeal!;
        if (decision is null || appeal.AccountId is not { } accountId)
        {
            step.Error("action", "There is no decision to restore on this appeal.");
            return;
        }

        decision.RestoredAt = step.Now;
        var access = decision.Outcome == nameof(AppealOutcome.AccessRestored);
        if (!string.IsNullOrWhiteSpace(appeal.PlatformHandle))
        {
            step.Mail.Publish(step.Case, new AppealRestored(step.Case.MunicipalityId, step.Case.Reference, accountId, appeal.PlatformHandle,
                access, step.Now, step.ActorName));
        }

        var what = access ? "access is restored" : "content is back";
        step.Timeline(Visibility.Public, $"The account confirmed your {what}. Your appeal is closed.");
        step.Mail.Resident(step.Case, "Your appeal is closed", $"The account confirmed your {what}.");
    }
}
