namespace Forecaster.Risk.Stress;

/// <summary>
/// The deepest stablecoin depeg in the stored prices, with what every market's deposits did around it: the episode to
/// replay jointly on today's state.
/// </summary>
/// <param name="Symbol">The stablecoin that lost its peg.</param>
/// <param name="Trough">The hour its 3-hour median price was lowest.</param>
/// <param name="TroughPriceUsd">That median price.</param>
/// <param name="WindowStart">Start of the window the outflows are measured over (a day before the trough).</param>
/// <param name="WindowEnd">End of it (a day after the trough).</param>
/// <param name="OutflowShare">Per market, the share of deposits that left over the window (negative: deposits grew).</param>
public sealed record DepegEpisode(string Symbol, DateTimeOffset Trough, double TroughPriceUsd, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    IReadOnlyDictionary<string, double> OutflowShare);
