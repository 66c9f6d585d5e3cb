using Forecaster.Modeling.EarlyWarning;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// The variants <c>EarlyWarningVariantsWorkload</c> measures: every method of the src catalog
/// (<see cref="EarlyWarningMethods.All"/>, the very objects) and after them the few only a benchmark can run, because
/// they need inputs a store's snapshots lack (prices, holders) or change the backtest rather than the model.
/// Kept apart from the workload so the tests can compile it and check it against the catalog.
/// </summary>
public static class EarlyWarningVariants
{
    /// <summary>The default plus stablecoin depegs, ETH's return and drawdown, and a missing-prices flag: needs prices.</summary>
    public const string Prices = "logistic-prices";

    /// <summary>
    /// The default with its probabilities Platt-recalibrated fold by fold on outcomes earlier folds made known
    /// (<see cref="BacktestOptions.Recalibrate"/>): a backtest option, the trained model is the default's.
    /// </summary>
    public const string FoldPlatt = "logistic-fold-platt";

    private static readonly string[] HolderColumns = ["holders_top1_share", "holders_top5_share", "log_liquidity_over_largest_holder"];

    private static readonly string[] HolderTrendColumns =
        ["holders_top1_share_minus_median_30d", "log_liquidity_over_largest_holder_change_24h", "log_liquidity_over_largest_holder_minus_median_30d"];

    /// <summary>Every variant: the catalog's methods, then the benchmark-only ones.</summary>
    public static IReadOnlyList<(string Name, EarlyWarningModelOptions Options)> All { get; } =
    [
        .. EarlyWarningMethods.All.Select(m => (m.Name, m.Options)),
        // The shared prices end 2023-02-25; run on markets given prices.
        (Prices, EarlyWarningMethods.DefaultPlus(["stablecoin_depeg_max", "eth_return_24h", "eth_drawdown_168h", "prices_missing"])),
        // Who holds the deposits: only markets with account-level flows know them (the agent split).
        .. DefaultAndHazardPlus("holders", HolderColumns),
        // The same holders against the market's own past (a market always concentrated reads as normal).
        .. DefaultAndHazardPlus("holder-trends", HolderTrendColumns),
        (FoldPlatt, EarlyWarningMethods.Find(EarlyWarningMethods.DefaultName).Options),
    ];

    /// <summary>"logistic-{suffix}" and "logistic-hazard-1h-{suffix}": the default and the 1 h hazard, each with <paramref name="columns"/> added.</summary>
    private static (string Name, EarlyWarningModelOptions Options)[] DefaultAndHazardPlus(string suffix, string[] columns) =>
    [
        ($"logistic-{suffix}", EarlyWarningMethods.DefaultPlus(columns)),
        ($"logistic-hazard-1h-{suffix}", EarlyWarningMethods.DefaultPlus(columns) with { RankingHorizonHours = 1 }),
    ];
}
