using Forecaster.Simulation;
using Forecaster.Store.DuckDb;

namespace Forecaster.Pipeline.Tests;

/// <summary>The retraining tests' markets, written into a real store file.</summary>
internal static class RetrainingMarkets
{
    /// <summary>A known code version: with equal options, a retraining is then the champion's method refit (an unknown version never is).</summary>
    public const string Code = "0123456789abcdef0123456789abcdef01234567";

    // The foundation's simulator, whose markets are known to hold shortfall episodes after the walk-forward's first 180
    // days (the agent-based default rarely runs dry: a few shortfall hours a year). The last 30 days hold a fourth
    // episode that the default logistic model misses: its walk-forward AUC-PR falls from about 0.023 (first 210 days) to
    // 0.013 (all 240).
    private static readonly Lazy<IReadOnlyList<SimulatedMarket>> Simulated = new(() => MarketSimulator.Run(new SimulationOptions { Markets = 4, Days = 240, Seed = 5 }));

    /// <summary>Opens (creating) a store at <paramref name="path"/> and writes each market's first <paramref name="days"/> days.</summary>
    public static async Task<DuckDbMarketStore> OpenAsync(string path, int days, CancellationToken ct)
    {
        var store = DuckDbMarketStore.Open(path);
        await UpsertAsync(store, days, ct);
        return store;
    }

    /// <summary>Writes each market's first <paramref name="days"/> days (of 240) into the store; hours already there stay.</summary>
    public static async Task UpsertAsync(DuckDbMarketStore store, int days, CancellationToken ct) =>
        await store.UpsertAsync(Simulated.Value.Select(m => new MarketBatch(m.Market, m.Hours.Where(h => h.Hour < m.Hours[0].Hour.AddDays(days)).ToArray())).ToList(), ct);
}
