namespace Governance.Accounts.Domain;

internal sealed record BlockAssessment(bool NeedsJustification, string Explanation);

internal sealed record TriageAnswers(bool AbuseOrThreat, bool CredibleThreat, bool Provoking, bool SpamOrRepeated,
    int PriorViolations, int Threshold);

internal sealed record TriageSuggestion(ModerationKind? LeastIntrusive, IReadOnlyList<ModerationKind> AlsoDo,
    IReadOnlyList<string> Steps);

/// <summary>The moderation rules R4, R5 and R7 as pure functions.</summary>
internal static class ModerationRules
{
    /// <summary>R4: not a rule. Choosing it records a risk flag on an official account.</summary>
    public const string Disagreement = "disagreement";


    public const string ViewpointFlag = "viewpoint";

    public const string UngraduatedBlockFlag = "block-without-graduation";

    /// <summary>R5: block only after repeated violations (at least <paramref name="threshold"/>) or a credible threat.</summary>
    public static BlockAssessment AssessBlock(int priorViolations, int threshold, bool credibleThreat)
        => credibleThreat
            ? new(false, "Credible threat: a block is proportionate.")
            : priorViolations >= threshold
                ? new(false, $"{priorViolations} prior violation(s) in the last 12 months (threshold {threshold}).")
                : new(true, $"Only {priorViolations} prior violation(s) in the last 12 months and no credible threat: "
                    + "a block needs a written justification and is flagged for review.");

    /// <summary>The risk flags of an action: R4 viewpoint on an official account, R5 block without graduation.</summary>
    public static IReadOnlyList<string> RiskFlags(bool isDisagreement, bool accountTreatedAsOfficial, BlockAssessment? block)
    {
        var flags = new List<string>();
        if (isDisagreement && accountTreatedAsOfficial)
        {
            flags.Add(ViewpointFlag);
        }

        if (block?.NeedsJustification == true)
        {
            flags.Add(UngraduatedBlockFlag);
        }

        return flags;
    }

    /// <summary>R7 disengagement tree (AMO 6.1): the least intrusive action that fits, and what else to do.</summary>
    public static TriageSuggestion Triage(TriageAnswers answers)
    {
        if (answers.AbuseOrThreat)
        {
            var steps = new List<string> { "Take a screenshot showing the time and the sender's name or profile address (R6)." };
            ModerationKind action;
            var also = new List<ModerationKind> { ModerationKind.ReportToPlatform };
            if (answers.CredibleThreat)
            {
                action = ModerationKind.Block;
                also.Add(ModerationKind.EscalateToPolice);
                steps.Add("A credible threat: block the user and report it to the police (or the Integrity Commissioner).");
            }
            else if (answers.PriorViolations >= answers.Threshold)
            {
                action = ModerationKind.Block;
                steps.Add($"Repeated violations ({answers.PriorViolations}): blocking is proportionate under the posted rules.");
            }
            else
            {
                action = ModerationKind.Delete;
                steps.Add("Delete the content under the posted rules (the record is kept). Block only if it happens again.");
            }

            steps.Add("Report the content to the platform.");
            return new TriageSuggestion(action, also, steps);
        }

        if (answers.Provoking)
        {
            return answers.SpamOrRepeated
                ? new TriageSuggestion(ModerationKind.Hide, [], ["Do not reply.", "Hide the spam or repeated posts."])
                : new TriageSuggestion(null, [], ["Do not reply: provoking but within the rules. Criticism is protected speech (R4)."]);
        }

        return new TriageSuggestion(null, [], ["Nothing here breaks the rules. Take another look, or ask staff before responding."]);
    }
}
