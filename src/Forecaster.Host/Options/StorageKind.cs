namespace Forecaster.Host.Options;

/// <summary>Where Hangfire's queue and the market data live.</summary>
public enum StorageKind
{
    /// <summary>Hangfire.InMemory and the embedded DuckDB file: one process, nothing else installed.</summary>
    InMemory,

    /// <summary>Hangfire.PostgreSql and the PostgreSQL market store: several worker processes share one database.</summary>
    Postgres,
}
