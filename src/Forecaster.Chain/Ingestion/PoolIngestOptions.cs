namespace Forecaster.Chain.Ingestion;

/// <summary>What to read from a pool and how.</summary>
public sealed class PoolIngestOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Chain:Ingest";

    /// <summary>Default values, shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Blocks below the tip that must exist before a block counts as final.</summary>
        public const int Confirmations = 12;

        /// <summary>First <c>eth_getLogs</c> span, in blocks.</summary>
        public const long InitialSpan = 2_000;

        /// <summary>Largest span.</summary>
        public const long MaxSpan = 100_000;

        /// <summary>
        /// Logs gathered from several <c>eth_getLogs</c> ranges before they are stored in one transaction, during a backfill.
        /// DuckDB writes a commit of at least one row group (122,880 rows) straight into the database file; a smaller commit
        /// goes through its write-ahead log first and is written a second time at the next checkpoint. One row group of
        /// logs holds about 150 MB in memory.
        /// </summary>
        public const int CommitLogs = 122_880;

        /// <summary>Longest time read ranges wait for a commit: a run stopped during a backfill re-reads at most this much.</summary>
        public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(30);

        /// <summary>Market name prefix; the market of a reserve is PREFIX_symbol.</summary>
        public const string MarketPrefix = "aave_v3";

        /// <summary>Stored blocks compared with the chain when looking for the fork point after a reorg.</summary>
        public const int ReorgSearchDepth = 1_024;

        /// <summary>
        /// Stored blocks asked for in one JSON-RPC batch while looking for the fork point: one round trip covers any reorg
        /// seen on Ethereum mainnet since the merge (a few blocks), and 64 requests stay under hosted providers' batch limits.
        /// </summary>
        public const int ReorgBatch = 64;

        /// <summary>
        /// Saved aggregation points kept per pool (one per run): a reorg deeper than the confirmations rolls back to the newest point
        /// before its fork, and only one older than all of them makes the next run aggregate every stored log again.
        /// </summary>
        public const int AggregationPoints = 8;
    }

    /// <summary>Chain name (a key of <see cref="ChainIds.Known"/>), used in every stored key.</summary>
    public required string Chain { get; init; }

    /// <summary>Pool contract address, 0x-prefixed.</summary>
    public required string Pool { get; init; }

    /// <summary>First block to read (inclusive) when there is no checkpoint.</summary>
    public required long FromBlock { get; init; }

    /// <summary>Last block to read (inclusive); null for the latest final block.</summary>
    public long? ToBlock { get; init; }

    /// <summary>Confirmations, in [0, 1000].</summary>
    public int Confirmations { get; init; } = Defaults.Confirmations;

    /// <summary>Market name prefix.</summary>
    public string MarketPrefix { get; init; } = Defaults.MarketPrefix;

    /// <summary>First log range span.</summary>
    public long InitialSpan { get; init; } = Defaults.InitialSpan;

    /// <summary>Largest log range span.</summary>
    public long MaxSpan { get; init; } = Defaults.MaxSpan;

    /// <summary>
    /// Logs read before they are committed: ranges are gathered until they hold this many logs (or
    /// <see cref="CommitInterval"/> has passed, or the last range is read), then stored with their blocks and the last
    /// range's checkpoint in one atomic append. 1 commits every range.
    /// </summary>
    public int CommitLogs { get; init; } = Defaults.CommitLogs;

    /// <summary>Longest time between commits while ranges are gathered.</summary>
    public TimeSpan CommitInterval { get; init; } = Defaults.CommitInterval;

    /// <summary>USD price per whole token by symbol (upper case), overriding the stablecoin default.</summary>
    public IReadOnlyDictionary<string, double> UsdPrices { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Also read the Transfer logs of each reserve's aToken (named by <c>getReserveData</c>) and cross-check them with the Pool events.</summary>
    public bool ATokenTransfers { get; init; } = true;

    /// <summary>Compare the event-built state with the pool's own at the last block read.</summary>
    public bool Reconcile { get; init; } = true;

    /// <summary>Aggregate every stored log from the opening again instead of resuming from the saved aggregation point.</summary>
    public bool Reaggregate { get; init; }

    /// <summary>Checks the values, naming the option and the allowed range.</summary>
    public void Validate()
    {
        if (!ChainIds.Known.ContainsKey(Chain))
            throw new ForecasterException($"--chain '{Chain}' is unknown; known chains: {string.Join(", ", ChainIds.Known.Keys)}.");
        if (!IsAddress(Pool))
            throw new ForecasterException($"--pool must be a 0x-prefixed 20-byte hex address, got '{Pool}'.");
        if (FromBlock < 0)
            throw new ForecasterException($"--from-block must be >= 0, got {FromBlock}.");
        if (ToBlock is { } to && to < FromBlock)
            throw new ForecasterException($"--to-block must be >= --from-block ({FromBlock}), got {to}.");
        if (Confirmations is < 0 or > 1000)
            throw new ForecasterException($"--confirmations must be in [0, 1000], got {Confirmations}.");
        if (InitialSpan < 1 || MaxSpan < InitialSpan)
            throw new ForecasterException($"{SectionName}:InitialSpan must be in [1, MaxSpan], got {InitialSpan} (MaxSpan {MaxSpan}).");
        if (CommitLogs is < 1 or > 10_000_000)
            throw new ForecasterException($"--commit-logs must be in [1, 10000000], got {CommitLogs}.");
        if (CommitInterval < TimeSpan.Zero)
            throw new ForecasterException($"{SectionName}:CommitInterval must not be negative, got {CommitInterval}.");
        foreach (var (symbol, price) in UsdPrices)
            if (!(price > 0) || double.IsInfinity(price))
                throw new ForecasterException($"--usd-price {symbol}={price}: the price must be a positive number of USD per token.");
        Markets.Market.ValidateName(MarketPrefix + "_x");
    }

    /// <summary>True for a 0x-prefixed 40-hex-digit address.</summary>
    public static bool IsAddress(string? value) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value[2..].All(char.IsAsciiHexDigit);
}
