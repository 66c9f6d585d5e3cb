using Forecaster.Flows;

namespace Forecaster.Pipeline;

/// <summary>
/// A run's events gathered into bounded batches of logs for the store, once its fingerprint is known: each batch holds its
/// events' logs and their blocks, and carries the run's checkpoint.
/// </summary>
internal sealed class SimulatedLogChunk(byte[] run, ChainCheckpoint checkpoint)
{
    private readonly List<PoolLog> _logs = [];
    private readonly Dictionary<long, ChainBlock> _blocks = [];

    /// <summary>Logs gathered since the last <see cref="Take"/>.</summary>
    public int Count => _logs.Count;

    /// <summary>Adds an event as the simulator emitted it, its block moved to the stored numbering.</summary>
    public void Add(FlowEvent e)
    {
        var stored = e with { Block = e.Block + SimulatedFlowLogs.BlockOffset };
        if (!_blocks.TryGetValue(stored.Block, out var block))
            _blocks[stored.Block] = block = new ChainBlock(stored.Chain, stored.Block, SimulatedFlowLogs.BlockHash(run, stored.Block), stored.Timestamp);
        _logs.Add(new PoolLog(new ChainLog(stored.Chain, stored.Block, block.Hash, stored.TransactionHash, stored.LogIndex, stored.Timestamp, SimulatedFlowLogs.Source, [], []), stored));
    }

    /// <summary>The gathered logs and their blocks as one batch; the next batch starts empty.</summary>
    public FlowLogBatch Take()
    {
        var batch = new FlowLogBatch(_blocks.Values.OrderBy(b => b.Number).ToList(), _logs.ToList(), checkpoint);
        _logs.Clear();
        _blocks.Clear();
        return batch;
    }
}
