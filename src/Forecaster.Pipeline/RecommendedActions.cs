using Forecaster.Publish.Brief;
using Forecaster.Publish.Proposals;

namespace Forecaster.Pipeline;

/// <summary>Turns proposals into the brief's "Recommended actions": one line per proposed change, linking its proposal.</summary>
public static class RecommendedActions
{
    /// <summary>The actions of a proposal run, riskiest market first; links are relative to the brief's folder.</summary>
    public static IReadOnlyList<RecommendedAction> From(ProposalRunResult proposals, string briefDirectory)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        return RiskiestFirst(proposals.Proposals.Select(p =>
            (p.Proposal.Recommendation.ShortfallProbability24h, p.Proposal.Risk.Market.Name, For(p.Proposal, p.MarkdownPath, briefDirectory))));
    }

    /// <summary>One proposal's actions, linking its Markdown relative to the brief's folder.</summary>
    public static IReadOnlyList<RecommendedAction> For(GovernanceProposal proposal, string markdownPath, string briefDirectory)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var link = Path.GetRelativePath(briefDirectory, markdownPath).Replace('\\', '/');
        var profile = proposal.Recommendation.Target.Appetite.ToString().ToLowerInvariant();
        return proposal.Recommendation.Changes
            .Select(change => new RecommendedAction(change.Market, ProposalText.Describe(change), change.ExpectedEffect, link, $"recommender, {profile} profile"))
            .ToList();
    }

    /// <summary>Markets' actions joined in the brief's order: highest shortfall probability first, then by market name.</summary>
    public static IReadOnlyList<RecommendedAction> RiskiestFirst(IEnumerable<(double Probability, string Market, IReadOnlyList<RecommendedAction> Actions)> perMarket) =>
        perMarket.OrderByDescending(m => m.Probability).ThenBy(m => m.Market, StringComparer.Ordinal).SelectMany(m => m.Actions).ToList();
}
