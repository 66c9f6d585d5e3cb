namespace Forecaster.Flows;

/// <summary>How far the logs of one source (a pool contract) on one chain have been read: every block up to and including <see cref="Block"/>.</summary>
/// <param name="Chain">Chain name.</param>
/// <param name="Source">0x-prefixed address of the contract whose logs are read, lower case.</param>
/// <param name="Block">Last block fully read (inclusive).</param>
/// <param name="BlockHash">Hash of that block when it was read; a different hash on the chain now means a reorganisation.</param>
public sealed record ChainCheckpoint(string Chain, string Source, long Block, string BlockHash);
