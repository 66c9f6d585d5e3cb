using Forecaster.Flows;
using Forecaster.Markets;

namespace Forecaster.Simulation;

/// <summary>A simulated market and its hourly history.</summary>
/// <param name="Market">The market, with <see cref="Market.IsSimulated"/> set.</param>
/// <param name="Hours">Its hours in time order, each flagged <see cref="DataQuality.Simulated"/>.</param>
/// <param name="Shocks">The shocks that hit it, for tests and reports: the hour each began and its kind.</param>
public sealed record SimulatedMarket(Market Market, IReadOnlyList<MarketHour> Hours, IReadOnlyList<(DateTimeOffset Hour, string Kind)> Shocks)
{
    /// <summary>Its event-level flows in time order, when the simulator was asked to keep them; empty otherwise.</summary>
    public IReadOnlyList<FlowEvent> Events { get; init; } = [];
}
