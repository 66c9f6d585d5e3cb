using Forecaster.Publish.Brief;
using Forecaster.Publish.Proposals;

namespace Forecaster.Pipeline;

/// <summary>Turns a proposal run into the brief's "Recommended actions": one line per proposed change, linking its proposal.</summary>
public static class RecommendedActions
{
    /// <summary>The actions, riskiest market first as the proposal run ordered them; links are relative to the brief's folder.</summary>
    public static IReadOnlyList<RecommendedAction> From(ProposalRunResult proposals, string briefDirectory)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var actions = new List<RecommendedAction>();
        foreach (var (proposal, markdownPath) in proposals.Proposals.OrderByDescending(p => p.Proposal.Recommendation.ShortfallProbability24h))
        {
            var link = Path.GetRelativePath(briefDirectory, markdownPath).Replace('\\', '/');
            var profile = proposal.Recommendation.Target.Appetite.ToString().ToLowerInvariant();
            foreach (var change in proposal.Recommendation.Changes)
                actions.Add(new RecommendedAction(change.Market, ProposalText.Describe(change), change.ExpectedEffect, link, $"recommender, {profile} profile"));
        }
        return actions;
    }
}
