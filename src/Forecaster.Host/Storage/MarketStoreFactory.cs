using Forecaster.Host.Options;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;
using Forecaster.Store.Postgres;

namespace Forecaster.Host.Storage;

/// <summary>Opens the market store the storage options name: the embedded DuckDB file or PostgreSQL. Core stays free of both.</summary>
public static class MarketStoreFactory
{
    /// <summary>Opens the store.</summary>
    /// <exception cref="ForecasterException">It cannot be opened; the message names the store, never the password.</exception>
    public static async Task<IMarketStore> OpenAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind switch
        {
            StorageKind.Postgres => await PostgresMarketStore.OpenAsync(options.ConnectionString
                ?? throw new ForecasterException($"{StorageOptions.SectionName}:ConnectionString is required for postgres storage."), cancellationToken),
            _ => DuckDbMarketStore.Open(options.StorePath),
        };
    }
}
