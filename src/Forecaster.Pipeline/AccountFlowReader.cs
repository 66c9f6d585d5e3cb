using Forecaster.Flows;
using Forecaster.Markets;

namespace Forecaster.Pipeline;

/// <summary>
/// Finds each market's account-level flows (<see cref="AccountFlows.Kinds"/>) for the morning path, up to the end of the
/// as-of hour: from the one pool named (<see cref="Pool"/>), or, when none is named, from whichever stored source holds
/// Supply or Withdraw events of that market (a chain pool read by <c>ingest rpc</c>, the simulator's <c>simulated:agents</c>).
/// A market two sources claim is refused rather than merged or picked: their holders would be counted twice or silently
/// halved. Without a flow store (PostgreSQL holds no chain logs) every market simply has no holders.
/// Disposing it disposes the flow store only when it was handed over with <c>ownsStore</c> (the service's own connection).
/// </summary>
public sealed class AccountFlowReader(IFlowEventStore? store, AccountFlowPool? pool = null, bool ownsStore = false) : IAsyncDisposable
{
    /// <summary>A reader that finds nothing, for stores without chain logs.</summary>
    public static AccountFlowReader None { get; } = new(null);

    /// <summary>The pool named, or null for automatic.</summary>
    public AccountFlowPool? Pool => pool;

    /// <summary>Checks that the named pool has stored logs; automatic and store-less readers always pass.</summary>
    /// <exception cref="ForecasterException">A pool is named and the store holds no logs of it (or there is no flow store).</exception>
    public async Task CheckAsync(string setting, CancellationToken cancellationToken = default)
    {
        if (pool is null) return;
        if (store is null)
            throw new ForecasterException($"{setting} names {pool}, but this store holds no chain logs (only the DuckDB store does).");
        if (await store.GetCheckpointAsync(pool.Chain, pool.Source, cancellationToken) is null)
            throw new ForecasterException($"{setting}: the store holds no logs of {pool} (read them with 'forecaster ingest rpc' or 'forecaster simulate --events').");
    }

    /// <summary>
    /// The flows stamped before the end of the hour <paramref name="asOf"/> (the hour's state is its end), read market by market
    /// as they are used (so the flow store must stay open meanwhile); only <paramref name="market"/>'s when it is given.
    /// Markets without flows are not in it.
    /// </summary>
    /// <exception cref="ForecasterException">Two stored sources hold deposit events of the same market and no pool is named.</exception>
    public async Task<AccountFlows> LoadAsync(DateTimeOffset asOf, string? market = null, CancellationToken cancellationToken = default)
    {
        if (store is null) return AccountFlows.None;
        return AccountFlows.FromStore(store, await SourcesAsync(market, cancellationToken), HourlyGrid.Floor(asOf) + HourlyGrid.Step);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ownsStore && store is not null ? store.DisposeAsync() : ValueTask.CompletedTask;

    private async Task<IReadOnlyList<AccountFlowSource>> SourcesAsync(string? market, CancellationToken cancellationToken)
    {
        var claims = (await store!.GetAccountFlowSourcesAsync(cancellationToken))
            .Where(s => (market is null || s.Market == market) && (pool is null || (s.Chain == pool.Chain && s.Source == pool.Source))).ToList();
        var contested = claims.GroupBy(s => s.Market, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (contested is not null)
            throw new ForecasterException($"Account-level flows of {contested.Key} are stored from {string.Join(" and ", contested.Select(s => s.Pool))}: " +
                "name the one to use (--account-flows CHAIN:POOL, or Forecaster:Jobs:AccountFlows in the service).");
        return claims;
    }
}
