namespace Forecaster.Chain.Rpc;

/// <summary>The header fields of a block that ingestion uses.</summary>
/// <param name="Number">Block number.</param>
/// <param name="Hash">0x-prefixed hash, lower case.</param>
/// <param name="ParentHash">0x-prefixed parent hash, lower case.</param>
/// <param name="Timestamp">Block timestamp, UTC.</param>
public sealed record RpcBlock(long Number, string Hash, string ParentHash, DateTimeOffset Timestamp);
