namespace Forecaster.Host.Options;

/// <summary>Storage of the service, bound from <see cref="SectionName"/>.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Forecaster:Storage";

    /// <summary>Defaults.</summary>
    public static class Defaults
    {
        /// <summary>How long a job fetched by a worker that stopped heartbeating stays invisible to the others.</summary>
        public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(5);

        /// <summary>How often idle workers poll the PostgreSQL queue.</summary>
        public static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(1);
    }

    /// <summary>inmemory (default) or postgres.</summary>
    public StorageKind Kind { get; set; } = StorageKind.InMemory;

    /// <summary>The embedded store file (inmemory only).</summary>
    public string StorePath { get; set; } = Store.DuckDb.DuckDbMarketStore.DefaultPath;

    /// <summary>PostgreSQL connection string (postgres only). A secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>See <see cref="Defaults.InvisibilityTimeout"/>; in [5 s, 1 day].</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = Defaults.InvisibilityTimeout;

    /// <summary>See <see cref="Defaults.QueuePollInterval"/>; in [100 ms, 1 min].</summary>
    public TimeSpan QueuePollInterval { get; set; } = Defaults.QueuePollInterval;
}
