using DuckDB.NET.Data;
using Forecaster.Flows;
using Forecaster.Pipeline;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Batches written in one DuckDB transaction (<see cref="DuckDbFlowEventStore.BeginAppendAsync"/>). It holds the store's gate
/// from beginning to end, so no other call of the store joins the transaction half-way.
/// </summary>
internal sealed class DuckDbFlowAppendTransaction(DuckDBConnection connection, DuckDBTransaction transaction, SemaphoreSlim gate) : IFlowAppendTransaction
{
    private bool _ended;
    private bool _failed;

    public Task<FlowAppendResult> AppendAsync(FlowLogBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_failed) throw new InvalidOperationException("An earlier batch of this transaction failed: dispose it (which rolls every batch back).");
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(DuckDbFlowWriter.AppendWithin(connection, batch));
        }
        catch
        {
            // DuckDB aborts the transaction on a failed statement: only the rollback is left.
            _failed = true;
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_failed) throw new InvalidOperationException("A batch of this transaction failed; nothing of it can be committed.");
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        End();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (_ended) return ValueTask.CompletedTask;
        try
        {
            transaction.Rollback();
        }
        finally
        {
            End();
        }
        return ValueTask.CompletedTask;
    }

    private void End()
    {
        _ended = true;
        transaction.Dispose();
        gate.Release();
    }
}
