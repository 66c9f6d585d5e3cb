using Forecaster.Markets;

namespace Forecaster.Modeling.Features;

/// <summary>One market's hourly history, the input of feature building, labelling and backtests.</summary>
/// <param name="Name">Market name.</param>
/// <param name="Hours">Hours in strictly ascending time order.</param>
public sealed record MarketHistory(string Name, IReadOnlyList<MarketHour> Hours)
{
    /// <summary>ETH and stablecoin prices for the price features; null when none are known (those features are then NaN).</summary>
    public MarketPrices? Prices { get; init; }

    /// <summary>Account-level deposit flows for the holder-concentration features; null when holders are unknown (those features are then NaN).</summary>
    public HolderFlows? Holders { get; init; }
}
