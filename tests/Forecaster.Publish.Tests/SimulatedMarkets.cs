using Forecaster.Simulation;

namespace Forecaster.Publish.Tests;

/// <summary>Deterministic simulated markets shared by the tests (simulating is the slow part, so it is done once).</summary>
internal static class SimulatedMarkets
{
    private static readonly Lazy<IReadOnlyList<SimulatedMarket>> Six = new(() => MarketSimulator.Run(new SimulationOptions { Markets = 6, Days = 365, Seed = 42 }));

    /// <summary>The CLI's default simulation: 6 markets, 365 days, seed 42.</summary>
    public static IReadOnlyList<SimulatedMarket> Default => Six.Value;

    /// <summary>sim_usdc: it hits a shortfall on 2025-12-22 and 23, so it has alerts and a red day.</summary>
    public static SimulatedMarket Usdc => Default.Single(m => m.Market.Name == "sim_usdc");

    /// <summary>An as-of hour inside sim_usdc's shortfall: the brief then has a red market to put first.</summary>
    public static readonly DateTimeOffset ShortfallAsOf = new(2025, 12, 23, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last simulated hour.</summary>
    public static DateTimeOffset LastHour => Usdc.Hours[^1].Hour;
}
