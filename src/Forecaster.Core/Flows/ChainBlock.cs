namespace Forecaster.Flows;

/// <summary>A block whose hash was stored, so a later run can tell whether the chain still has it (reorg detection).</summary>
/// <param name="Chain">Chain name.</param>
/// <param name="Number">Block number.</param>
/// <param name="Hash">0x-prefixed block hash, lower case.</param>
/// <param name="Timestamp">Block timestamp, UTC.</param>
public sealed record ChainBlock(string Chain, long Number, string Hash, DateTimeOffset Timestamp);
