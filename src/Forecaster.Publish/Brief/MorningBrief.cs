using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>The morning brief: every market's state, forecast, shortfall probability and status at one as-of hour.</summary>
/// <param name="AsOf">The as-of hour; no data after it was used.</param>
/// <param name="GeneratedAt">When the brief was made.</param>
/// <param name="ShortfallUtilization">The utilization that counts as a shortfall.</param>
/// <param name="Entries">Markets, riskiest first.</param>
public sealed record MorningBrief(DateTimeOffset AsOf, DateTimeOffset GeneratedAt, double ShortfallUtilization, IReadOnlyList<MarketBriefEntry> Entries)
{
    /// <summary>What changed since the previous brief, riskier changes first; empty when nothing changed or there is no previous brief.</summary>
    public IReadOnlyList<BriefChange> Changes { get; init; } = [];

    /// <summary>The previous brief compared against, or null when there is none (or it could not be read).</summary>
    public PreviousBrief? Previous { get; init; }

    /// <summary>Why the previous brief could not be compared (e.g. unreadable brief.json), or null.</summary>
    public string? PreviousProblem { get; init; }

    /// <summary>Actions proposed by the recommender; empty until one runs (the brief then says "no recommendations yet").</summary>
    public IReadOnlyList<RecommendedAction> Recommendations { get; init; } = [];

    /// <summary>How the markets' deposit outflows move together (from the recommender's run), or null when it did not compute it.</summary>
    public Risk.Stress.CorrelatedStress? CorrelatedStress { get; init; }

    /// <summary>The cross-market heat map, or null when no market could be assessed over time.</summary>
    public BriefChart? HeatMap { get; init; }

    /// <summary>The riskiest assessed market, or null when none was assessed.</summary>
    public MarketBriefEntry? Riskiest => Entries.FirstOrDefault(e => e.Assessment is not null);

    /// <summary>Recommendations for one market.</summary>
    public IReadOnlyList<RecommendedAction> RecommendationsFor(string market) =>
        Recommendations.Where(r => string.Equals(r.Market, market, StringComparison.Ordinal)).ToList();

    /// <summary>True when any market is simulated: the brief must say so at the top.</summary>
    public bool HasSimulatedData => Entries.Any(e => e.Market.IsSimulated);

    /// <summary>Orders entries riskiest first: status, then shortfall probability, then utilization; unassessed last.</summary>
    public static IReadOnlyList<MarketBriefEntry> RiskiestFirst(IEnumerable<MarketBriefEntry> entries) =>
        entries.OrderByDescending(e => e.Assessment is null ? -1 : (int)e.Assessment.Status)
            .ThenByDescending(e => e.Assessment?.ShortfallProbability24h ?? -1)
            .ThenByDescending(e => e.Assessment?.Current.Utilization ?? -1)
            .ThenBy(e => e.Market.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Count of markets per status.</summary>
    public IReadOnlyDictionary<MarketStatus, int> StatusCounts =>
        Entries.Where(e => e.Assessment is not null).GroupBy(e => e.Assessment!.Status).ToDictionary(g => g.Key, g => g.Count());
}
