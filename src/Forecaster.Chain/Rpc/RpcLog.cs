namespace Forecaster.Chain.Rpc;

/// <summary>A log as <c>eth_getLogs</c> returns it (no timestamp: most nodes leave it out).</summary>
/// <param name="Address">Emitting contract, lower case.</param>
/// <param name="Topics">Topics, lower case.</param>
/// <param name="Data">Non-indexed arguments.</param>
/// <param name="Block">Block number.</param>
/// <param name="BlockHash">Block hash, lower case.</param>
/// <param name="TransactionHash">Transaction hash, lower case.</param>
/// <param name="LogIndex">Index within the block.</param>
/// <param name="Removed">True when the node reports the log as removed by a reorg.</param>
public sealed record RpcLog(string Address, string[] Topics, byte[] Data, long Block, string BlockHash, string TransactionHash, long LogIndex, bool Removed);
