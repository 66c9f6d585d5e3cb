using Forecaster.Markets;

namespace Forecaster.Pipeline;

/// <summary>
/// Where markets and their hourly states live. Implementations: the embedded DuckDB file (single writer)
/// and, for several workers, a server database. Every write is atomic: a failed call leaves the store as it was.
/// </summary>
public interface IMarketStore : IAsyncDisposable
{
    /// <summary>
    /// Inserts or updates the given markets and hours in one transaction. An hour already stored is replaced only
    /// when its values differ and the incoming snapshot is not older than the stored one.
    /// </summary>
    /// <returns>One result per batch, in order.</returns>
    Task<IReadOnlyList<UpsertResult>> UpsertAsync(IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken = default);

    /// <summary>All markets in the store, ordered by name.</summary>
    Task<IReadOnlyList<Market>> GetMarketsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored hours of a market in time order, optionally limited to [<paramref name="from"/>, <paramref name="to"/>] (both inclusive; null means open).
    /// </summary>
    /// <exception cref="UnknownMarketException">No market of that name is stored.</exception>
    Task<IReadOnlyList<MarketHour>> GetHoursAsync(string market, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);

    /// <summary>The latest stored hour over all markets, or null when no hours are stored.</summary>
    Task<DateTimeOffset?> GetLatestHourAsync(CancellationToken cancellationToken = default);

    /// <summary>Number of stored hours per market.</summary>
    Task<IReadOnlyDictionary<string, long>> CountHoursAsync(CancellationToken cancellationToken = default);
}
