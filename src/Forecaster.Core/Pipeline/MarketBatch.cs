using Forecaster.Markets;

namespace Forecaster.Pipeline;

/// <summary>A market and hours of it to write together.</summary>
/// <param name="Market">The market; created in the store if new, its descriptive fields updated otherwise.</param>
/// <param name="Hours">Hours in any order, each hour at most once.</param>
public sealed record MarketBatch(Market Market, IReadOnlyList<MarketHour> Hours);
