namespace Forecaster.Flows;

/// <summary>
/// A reserve's totals read from the pool itself at one block: the opening balances when ingestion starts after the pool's
/// deployment, and the reference that reconciliation compares the event-built state with.
/// </summary>
/// <param name="Chain">Chain name.</param>
/// <param name="Source">0x-prefixed pool address, lower case.</param>
/// <param name="Asset">0x-prefixed address of the reserve's underlying token, lower case.</param>
/// <param name="Block">Block the totals were read at.</param>
/// <param name="Supplied">Total deposits, whole tokens (aToken total supply).</param>
/// <param name="Borrowed">Total debt, whole tokens (variable plus stable debt token total supply).</param>
public sealed record ReserveBalance(string Chain, string Source, string Asset, long Block, decimal Supplied, decimal Borrowed);
