using Forecaster.Publish.Proposals;
using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>What a proposal run produced.</summary>
/// <param name="Directory">Folder holding the proposals and <c>index.json</c>.</param>
/// <param name="Recommendations">Every assessed market's recommendation, needing action or not.</param>
/// <param name="Proposals">The proposals written (markets needing action), with their Markdown paths.</param>
/// <param name="Skipped">Markets that could not be assessed, with why.</param>
public sealed record ProposalRunResult(string Directory, IReadOnlyList<MarketRecommendation> Recommendations,
    IReadOnlyList<(GovernanceProposal Proposal, string MarkdownPath)> Proposals, IReadOnlyList<(string Market, string Reason)> Skipped)
{
    /// <summary>How the markets' outflows move together, or null with fewer than two markets.</summary>
    public Risk.Stress.CorrelatedStress? Correlated { get; init; }
}
