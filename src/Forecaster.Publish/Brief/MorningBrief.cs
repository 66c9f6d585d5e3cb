using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>The morning brief: every market's state, forecast, shortfall probability and status at one as-of hour.</summary>
/// <param name="AsOf">The as-of hour; no data after it was used.</param>
/// <param name="GeneratedAt">When the brief was made.</param>
/// <param name="ShortfallUtilization">The utilization that counts as a shortfall.</param>
/// <param name="Entries">Markets, riskiest first.</param>
public sealed record MorningBrief(DateTimeOffset AsOf, DateTimeOffset GeneratedAt, double ShortfallUtilization, IReadOnlyList<MarketBriefEntry> Entries)
{
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
