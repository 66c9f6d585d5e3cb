using Forecaster.Prices;

namespace Forecaster.Pipeline;

/// <summary>
/// Hourly token prices beside the market hours (both stores implement it on the same database), so risk can measure
/// collateral volatility and stablecoin depegs.
/// </summary>
public interface IPriceStore
{
    /// <summary>
    /// Inserts or replaces the given hours in one transaction: a stored hour is replaced when its values differ (a later
    /// file corrects an earlier one). Nothing is written when any batch is invalid.
    /// </summary>
    /// <returns>One result per batch, in order.</returns>
    /// <exception cref="ArgumentException">See <see cref="PriceBatch.EnsureValid"/>.</exception>
    Task<IReadOnlyList<PriceUpsertResult>> UpsertPricesAsync(IReadOnlyList<PriceBatch> batches, CancellationToken cancellationToken = default);

    /// <summary>Symbols with stored prices, ordered.</summary>
    Task<IReadOnlyList<string>> GetPriceSymbolsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored hours of a symbol in time order, optionally limited to [<paramref name="from"/>, <paramref name="to"/>]
    /// (both inclusive); empty when the symbol has no prices (a market's asset often has none).
    /// </summary>
    Task<IReadOnlyList<PriceHour>> GetPricesAsync(string symbol, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);
}
