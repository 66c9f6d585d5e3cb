using Forecaster.Flows;

namespace Forecaster.Pipeline;

/// <summary>
/// Where logs read from a chain, the hashes of their blocks and the ingestion checkpoints live.
/// Every write is atomic: a failed call leaves the store as it was, so a crash never leaves logs without their checkpoint.
/// </summary>
public interface IFlowEventStore : IAsyncDisposable
{
    /// <summary>Writes the batch in one transaction: logs not yet stored, block hashes (replacing a stored hash of the same number) and the checkpoint.</summary>
    Task<FlowAppendResult> AppendAsync(FlowLogBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins a write of many batches in one transaction, for what is too large to hold in memory as one batch; the store takes
    /// no other call until the transaction is committed or disposed.
    /// </summary>
    Task<IFlowAppendTransaction> BeginAppendAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether this store's transactions (<see cref="BeginAppendAsync"/>) can also write <paramref name="markets"/>' hours
    /// (<see cref="IFlowAppendTransaction.UpsertHoursAsync"/>): true when both live in one database on one connection.
    /// </summary>
    bool SharesTransactionsWith(IMarketStore markets);

    /// <summary>The number of stored logs of a source by their flow's market (logs without a decoded flow are not counted).</summary>
    Task<IReadOnlyDictionary<string, long>> CountLogsByMarketAsync(string chain, string source, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint of a source, or null when it has never been read.</summary>
    Task<ChainCheckpoint?> GetCheckpointAsync(string chain, string source, CancellationToken cancellationToken = default);

    /// <summary>Stored blocks of a chain numbered at most <paramref name="atOrBelow"/>, newest first, at most <paramref name="limit"/> of them.</summary>
    Task<IReadOnlyList<ChainBlock>> GetBlocksAsync(string chain, long atOrBelow, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Undoes everything read from block <paramref name="fromBlock"/> on (inclusive), once the chain no longer has those blocks.
    /// A reorg is a fact of the chain, not of one source: every source's logs and the chain's block hashes from there on are
    /// removed, and every checkpoint at or past that block moves back to <paramref name="ancestor"/>, the newest stored block the
    /// chain still has (null removes them), so every source re-reads the new branch on its next run instead of being stuck on
    /// blocks that no longer exist. Saved aggregation points at or past that block include removed logs and go too. One transaction.
    /// </summary>
    /// <returns>The number of logs removed, over all sources of the chain.</returns>
    Task<long> RollbackAsync(string chain, long fromBlock, ChainBlock? ancestor, CancellationToken cancellationToken = default);

    /// <summary>Stored logs of a source in chain order (block, then log index), with their decoded flows.</summary>
    Task<IReadOnlyList<PoolLog>> GetLogsAsync(string chain, string source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which sources hold account-level deposit flows (Supply or Withdraw events) of which market: one row per
    /// (chain, source, market), so a reader can find a market's holders without being told the pool.
    /// </summary>
    Task<IReadOnlyList<AccountFlowSource>> GetAccountFlowSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stored logs of a source after block <paramref name="afterBlock"/> (exclusive), in chain order, with their decoded flows.</summary>
    Task<IReadOnlyList<PoolLog>> GetLogsAfterAsync(string chain, string source, long afterBlock, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored logs of one market of a source whose flows are of the given kinds, stamped before <paramref name="before"/> when
    /// it is given (later ones are never read), in chain order (block, then log index), with their flows. They are read from the
    /// store as they are enumerated, so a market's logs are never all in memory; the store takes no other call until the
    /// enumeration ends or is disposed.
    /// </summary>
    IAsyncEnumerable<PoolLog> ReadLogsAsync(string chain, string source, string market, IReadOnlyCollection<FlowKind> kinds, DateTimeOffset? before = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves where the hourly aggregation of a source stands, in one transaction (replacing a point of the same block), and keeps
    /// only the <paramref name="keep"/> newest points of that source: older ones serve only after a reorg past all newer ones.
    /// </summary>
    Task SaveAggregationAsync(AggregationPoint point, int keep, CancellationToken cancellationToken = default);

    /// <summary>The newest saved aggregation point of a source, or null when none survives.</summary>
    Task<AggregationPoint?> GetAggregationAsync(string chain, string source, CancellationToken cancellationToken = default);

    /// <summary>Removes every saved aggregation point of a source (before a full rebuild).</summary>
    Task ClearAggregationAsync(string chain, string source, CancellationToken cancellationToken = default);

    /// <summary>
    /// The chain and source of another source's saved aggregation that writes <paramref name="market"/>, or null when none does:
    /// two pools must not write the same market's hours.
    /// </summary>
    Task<(string Chain, string Source)?> FindMarketWriterAsync(string market, string chain, string source, CancellationToken cancellationToken = default);

    /// <summary>Stores the reserves' opening balances of a source (replacing earlier ones of the same asset).</summary>
    Task SaveOpeningBalancesAsync(IReadOnlyList<ReserveBalance> balances, CancellationToken cancellationToken = default);

    /// <summary>The stored opening balances of a source.</summary>
    Task<IReadOnlyList<ReserveBalance>> GetOpeningBalancesAsync(string chain, string source, CancellationToken cancellationToken = default);
}
