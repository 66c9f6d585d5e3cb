namespace Forecaster.Flows;

/// <summary>
/// One event-level flow of a market, as read from a chain (or emitted by the simulator).
/// The key is (<see cref="Chain"/>, <see cref="TransactionHash"/>, <see cref="LogIndex"/>): storing the same event twice is a no-op.
/// Hourly market states are aggregates of these; snapshot files carry only the aggregates.
/// </summary>
/// <param name="Chain">Chain name, e.g. <c>ethereum</c>.</param>
/// <param name="TransactionHash">0x-prefixed transaction hash, lower case; for simulated flows a synthetic id.</param>
/// <param name="LogIndex">Index of the log within its block.</param>
/// <param name="Block">Block number.</param>
/// <param name="Timestamp">Block timestamp, UTC.</param>
/// <param name="Market">Name of the market the flow belongs to.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Amount">Amount in whole tokens of the market's asset (raw units divided by 10^decimals).</param>
/// <param name="Account">The account acting on its own behalf (0x-prefixed), or empty when unknown.</param>
public sealed record FlowEvent(
    string Chain,
    string TransactionHash,
    long LogIndex,
    long Block,
    DateTimeOffset Timestamp,
    string Market,
    FlowKind Kind,
    decimal Amount,
    string Account)
{
    /// <summary>The zero address: an ERC-20 Transfer's sender for a mint and its recipient for a burn.</summary>
    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    /// <summary>
    /// For an aToken transfer, the Transfer's other side: the recipient when <see cref="Account"/> is the sender, and the zero
    /// address for a mint or a burn (<see cref="Account"/> being then the holder minted to or burned from). Empty for every
    /// other kind, and when the other side is unknown (a store keeps one account per flow; <c>AccountFlows</c> restores it
    /// from the stored log).
    /// </summary>
    public string Counterparty { get; init; } = "";

    /// <summary>
    /// For a repayment or a liquidation, the holder whose deposits of <see cref="Market"/> (aTokens) it burns by
    /// <see cref="Amount"/> with no Withdraw event: the repayer of a repayment paid with aTokens, the liquidated user when the
    /// liquidator takes the collateral's underlying. Empty when it burns none (repaid with the asset; a liquidator taking the
    /// aTokens, which an aToken transfer moves), for every other kind, and when unknown (a store keeps it in the log only;
    /// <c>AccountFlows</c> restores it from there, as it does <see cref="Counterparty"/>).
    /// </summary>
    public string DepositsBurnedFrom { get; init; } = "";
}
