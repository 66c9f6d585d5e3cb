using System.Diagnostics;
using Forecaster.Flows;
using Forecaster.Pipeline;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// Read ranges not yet stored, gathered into one atomic append: their logs and blocks in chain order and the last range's
/// checkpoint. A backfill commits far fewer, larger transactions this way (see <see cref="PoolIngestOptions.CommitLogs"/>).
/// </summary>
internal sealed class PendingRanges
{
    private List<ChainBlock> _blocks = [];
    private List<PoolLog> _logs = [];
    private ChainCheckpoint? _checkpoint;
    private long _firstBlock;
    private long _since;

    /// <summary>Adds a range's batch, read from <paramref name="firstBlock"/> on.</summary>
    public void Add(FlowLogBatch batch, long firstBlock)
    {
        if (_checkpoint is null)
        {
            _firstBlock = firstBlock;
            _since = Stopwatch.GetTimestamp();
        }
        _blocks.AddRange(batch.Blocks);
        _logs.AddRange(batch.Logs);
        _checkpoint = batch.Checkpoint;
    }

    /// <summary>True when the gathered ranges hold enough logs, or have waited long enough, to be committed now.</summary>
    public bool IsDue(PoolIngestOptions options) =>
        _logs.Count >= options.CommitLogs || Stopwatch.GetElapsedTime(_since) >= options.CommitInterval;

    /// <summary>Stores the gathered ranges in one append and starts gathering anew.</summary>
    /// <returns>The first block of the committed ranges and the store's result.</returns>
    public async Task<(long FirstBlock, FlowAppendResult Result)> CommitAsync(IFlowEventStore flows, CancellationToken ct)
    {
        var checkpoint = _checkpoint ?? throw new InvalidOperationException("No range was read since the last commit.");
        // Ranges do not overlap, so neither do their blocks. Whether or not the append succeeds, gathering starts anew: after
        // a failure the run stops, and the next one reads these ranges again from the stored checkpoint.
        var batch = new FlowLogBatch(_blocks, _logs, checkpoint);
        (_blocks, _logs, _checkpoint) = ([], [], null);
        return (_firstBlock, await flows.AppendAsync(batch, ct).ConfigureAwait(false));
    }
}
