namespace Forecaster.Chain.Ingestion;

/// <summary>
/// How token amounts become USD. Forecaster has no price feed: a reserve is valued at a fixed price per whole token, either
/// given by the user (<c>--usd-price SYMBOL=PRICE</c>) or 1.0 for the well-known USD stablecoins below. Any other asset
/// without a given price is refused, so no market is silently valued at a made-up price.
/// </summary>
public static class UsdPricing
{
    /// <summary>Symbols valued at 1.0 USD when no price is given.</summary>
    public static IReadOnlySet<string> UsdStablecoins { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "USDC", "USDC.E", "USDBC", "USDT", "USDT0", "DAI", "USDS", "GHO", "LUSD", "FRAX", "PYUSD", "TUSD", "USDE", "RLUSD",
    };

    /// <summary>The price of a symbol, or null when none is given and it is not a known stablecoin.</summary>
    public static double? PriceOf(string symbol, IReadOnlyDictionary<string, double> given) =>
        given.TryGetValue(symbol, out var price) ? price : UsdStablecoins.Contains(symbol) ? 1.0 : null;
}
