namespace Forecaster.Flows;

/// <summary>A stored log and, when it is a flow (supply, borrow, ...), the flow decoded from it.</summary>
/// <param name="Log">The log as read from the chain.</param>
/// <param name="Flow">The flow it represents; null for logs that change no balance (e.g. a rate update).</param>
public sealed record PoolLog(ChainLog Log, FlowEvent? Flow);
