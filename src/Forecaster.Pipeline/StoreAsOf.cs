using Forecaster.Markets;

namespace Forecaster.Pipeline;

/// <summary>The markets and as-of hour every report starts from, with one message for an empty store.</summary>
internal static class StoreAsOf
{
    /// <summary>All markets and the as-of hour (the given one, or the latest stored hour).</summary>
    /// <exception cref="ForecasterException">The store has no markets or no hours.</exception>
    public static async Task<(IReadOnlyList<Market> Markets, DateTimeOffset AsOf)> ResolveAsync(IMarketStore store, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var markets = await store.GetMarketsAsync(cancellationToken);
        if (markets.Count == 0)
            throw new ForecasterException("The store has no markets: ingest snapshot files or run 'forecaster simulate' first.");
        return (markets, asOf ?? await store.GetLatestHourAsync(cancellationToken)
            ?? throw new ForecasterException("The store has markets but no hours: ingest snapshot files or run 'forecaster simulate' first."));
    }
}
