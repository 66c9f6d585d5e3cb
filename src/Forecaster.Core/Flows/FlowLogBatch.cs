namespace Forecaster.Flows;

/// <summary>What one step of chain ingestion writes together, atomically: logs, the blocks they came from and the new checkpoint.</summary>
/// <param name="Blocks">Blocks whose hashes are kept (each block of a log, and the checkpoint block).</param>
/// <param name="Logs">Logs in any order; one already stored (same chain, transaction hash and log index) is skipped.</param>
/// <param name="Checkpoint">The checkpoint after this batch.</param>
public sealed record FlowLogBatch(IReadOnlyList<ChainBlock> Blocks, IReadOnlyList<PoolLog> Logs, ChainCheckpoint Checkpoint);
