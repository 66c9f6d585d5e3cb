namespace Forecaster.Flows;

/// <summary>
/// One log (event) as a chain returned it, kept verbatim so every stored flow can be traced to its transaction and decoded again.
/// Key: (<see cref="Chain"/>, <see cref="TransactionHash"/>, <see cref="LogIndex"/>).
/// </summary>
/// <param name="Chain">Chain name, e.g. <c>ethereum</c>.</param>
/// <param name="Block">Block number.</param>
/// <param name="BlockHash">0x-prefixed block hash, lower case.</param>
/// <param name="TransactionHash">0x-prefixed transaction hash, lower case.</param>
/// <param name="LogIndex">Index of the log within its block.</param>
/// <param name="Timestamp">Block timestamp, UTC.</param>
/// <param name="Address">0x-prefixed address of the emitting contract, lower case.</param>
/// <param name="Topics">Topics as 0x-prefixed 32-byte hex, lower case; topic 0 is the event signature's hash. Zero to four entries.</param>
/// <param name="Data">The non-indexed, ABI-encoded event arguments.</param>
public sealed record ChainLog(
    string Chain,
    long Block,
    string BlockHash,
    string TransactionHash,
    long LogIndex,
    DateTimeOffset Timestamp,
    string Address,
    IReadOnlyList<string> Topics,
    byte[] Data);
