using DuckDB.NET.Data;
using Forecaster.Flows;
using Forecaster.Pipeline;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Batches written in one DuckDB transaction (<see cref="DuckDbFlowEventStore.BeginAppendAsync"/>). It holds the store's gate
/// from beginning to end, so no other call of the store joins the transaction half-way. <paramref name="markets"/> is the
/// market store sharing the connection (null when none does), whose hours the transaction can write too.
/// </summary>
internal sealed class DuckDbFlowAppendTransaction(DuckDBConnection connection, DuckDBTransaction transaction, SemaphoreSlim gate, DuckDbMarketStore? markets)
    : IFlowAppendTransaction
{
    private bool _ended;
    private bool _failed;

    public Task<FlowAppendResult> AppendAsync(FlowLogBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Within(() => Task.FromResult(DuckDbFlowWriter.AppendWithin(connection, batch)), cancellationToken);
    }

    public Task<long> RemoveMarketsAsync(string chain, string source, IReadOnlyCollection<string> markets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(markets);
        return Within(() => Task.FromResult(DuckDbMarketFlowRemoval.RemoveWithin(connection, chain, source, markets)), cancellationToken);
    }

    public Task<IReadOnlyList<UpsertResult>> UpsertHoursAsync(IReadOnlyList<MarketBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (markets is null)
            throw new InvalidOperationException("This flow store shares no market store's connection (DuckDbFlowEventStore.Attach does): its transactions cannot write hours.");
        return Within(() => markets.UpsertWithinAsync(batches, cancellationToken), cancellationToken);
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

    // Runs one write of the transaction; a failed one marks the transaction failed.
    private async Task<T> Within<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_failed) throw new InvalidOperationException("An earlier write of this transaction failed: dispose it (which rolls every write back).");
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await write();
        }
        catch
        {
            // DuckDB aborts the transaction on a failed statement: only the rollback is left.
            _failed = true;
            throw;
        }
    }

    private void End()
    {
        _ended = true;
        transaction.Dispose();
        gate.Release();
    }
}
