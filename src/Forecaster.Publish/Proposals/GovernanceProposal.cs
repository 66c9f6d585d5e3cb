using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Publish.Proposals;

/// <summary>Everything a governance proposal for one market shows: the recommendation and the evidence behind it.</summary>
/// <param name="Recommendation">What is recommended.</param>
/// <param name="Risk">The market's liquidity risk.</param>
/// <param name="Stress">The worst real episodes replayed on today's state.</param>
/// <param name="Method">Which model produced the shortfall probability.</param>
/// <param name="ChartFile">Chart file name beside the proposal, or null.</param>
public sealed record GovernanceProposal(MarketRecommendation Recommendation, LiquidityRiskReport Risk, IReadOnlyList<StressOutcome> Stress, string Method, string? ChartFile)
{
    /// <summary>Joint outflows across the store's markets and the stablecoin depeg replay, or null with a single market.</summary>
    public CorrelatedStress? Correlated { get; init; }

    /// <summary>Who held the deposits at the as-of hour, where the market's account-level flows are known; null otherwise.</summary>
    public DepositorConcentration? Holders { get; init; }

    /// <summary>How the same rule did before the store's past crises up to the as-of hour (the Rationale's track record).</summary>
    public TrackRecord? TrackRecord { get; init; }

    /// <summary>The proposal's title in the forum's style.</summary>
    public string Title => $"[ARFC] Reserve positioning for {Risk.Market.Name} ({Risk.AsOf:yyyy-MM-dd})";

    /// <summary>The sections every proposal has, in order.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["Summary", "Motivation", "Specification", "Rationale", "Next steps", "Disclaimer", "Copyright", "Vote"];
}
