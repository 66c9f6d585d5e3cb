using Forecaster.Markets;

namespace Forecaster.Simulation;

/// <summary>Names and assets of simulated markets, shared by both simulators so one seed names markets alike.</summary>
internal static class SimulatedMarketNames
{
    private static readonly string[] Assets = ["USDC", "USDT", "DAI", "WETH", "WBTC", "FRAX", "LUSD", "GHO", "LINK", "CRV"];

    public static IReadOnlyList<string> Stablecoins { get; } = Assets.Where(IsStablecoin).ToArray();

    public static bool IsStablecoin(string asset) => asset is "USDC" or "USDT" or "DAI" or "FRAX" or "LUSD" or "GHO";

    /// <summary>The index-th simulated market: sim_usdc, sim_usdt, ..., then sim_usdc_2 and so on.</summary>
    public static Market Market(int index)
    {
        var asset = Assets[index % Assets.Length];
        var name = index < Assets.Length ? $"sim_{asset.ToLowerInvariant()}" : $"sim_{asset.ToLowerInvariant()}_{index / Assets.Length + 1}";
        return new Market(name, "simulated", "simulated", asset, null, IsSimulated: true);
    }
}
