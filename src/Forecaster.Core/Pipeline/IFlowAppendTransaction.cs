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

    /// <summary>Keeps every batch appended.</summary>
    /// <exception cref="InvalidOperationException">A batch failed, or the transaction already ended.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
