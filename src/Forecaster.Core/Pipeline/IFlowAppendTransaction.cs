using Forecaster.Flows;

namespace Forecaster.Pipeline;

/// <summary>
/// A write too large to hold as one batch (<see cref="IFlowEventStore.BeginAppendAsync"/>): batches appended one after another,
/// kept only when <see cref="CommitAsync"/> is reached, all together. Disposing it without committing, after a failure or a
/// cancellation at any batch, leaves the store as it was before it began.
/// </summary>
public interface IFlowAppendTransaction : IAsyncDisposable
{
    /// <summary>
    /// Writes a batch as <see cref="IFlowEventStore.AppendAsync"/> does (logs not yet stored, block hashes, the checkpoint),
    /// visible to this transaction's later batches only. After a failed batch only disposing is left.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled before the batch was written.</exception>
    Task<FlowAppendResult> AppendAsync(FlowLogBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the logs of <paramref name="source"/> whose flows are of <paramref name="markets"/>, visible to this transaction
    /// only, for a writer that replaces those markets whole (the simulator's source). Saved aggregation points of the source
    /// include the removed logs, so they go too; when none of the source's logs is left, its checkpoint goes (nothing of it is
    /// stored any more), and the chain's block hashes when no source of the chain has a log left.
    /// </summary>
    /// <returns>The number of logs removed.</returns>
    /// <exception cref="OperationCanceledException">Cancelled before anything was removed.</exception>
    Task<long> RemoveMarketsAsync(string chain, string source, IReadOnlyCollection<string> markets, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or updates markets and hours as <see cref="IMarketStore.UpsertAsync"/> of the market store this store shares its
    /// database with (<see cref="IFlowEventStore.SharesTransactionsWith"/>), inside this transaction: they are kept together
    /// with the logs, or not at all.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store shares no market store's transactions.</exception>
    Task<IReadOnlyList<UpsertResult>> UpsertHoursAsync(IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken = default);

    /// <summary>Keeps every batch appended.</summary>
    /// <exception cref="InvalidOperationException">A batch failed, or the transaction already ended.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
