using Forecaster.Jobs;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;

namespace Forecaster.Host.Storage;

/// <summary>The service's <see cref="AccountFlowReader"/>: on the DuckDB store's database (its own connection), per <see cref="JobsOptions.AccountFlows"/>.</summary>
public static class AccountFlowReaderFactory
{
    /// <summary>The configuration key of the pool.</summary>
    public const string Key = $"{JobsOptions.SectionName}:AccountFlows";

    /// <summary>Opens the reader; on PostgreSQL, which holds no chain logs, one that finds nothing.</summary>
    /// <exception cref="ForecasterException">The key is not CHAIN:POOL, or names a pool on a store without chain logs.</exception>
    public static AccountFlowReader Open(IMarketStore store, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pool = options.AccountFlows is { } value ? AccountFlowPool.Parse(value, Key) : null;
        if (store is DuckDbMarketStore duck) return new AccountFlowReader(DuckDbFlowEventStore.AttachConcurrent(duck), pool, ownsStore: true);
        if (pool is not null)
            throw new ForecasterException($"{Key} names {pool}, but the PostgreSQL store holds no chain logs: use the DuckDB store (Forecaster:Storage:Kind inmemory) or remove the key.");
        return AccountFlowReader.None;
    }
}
