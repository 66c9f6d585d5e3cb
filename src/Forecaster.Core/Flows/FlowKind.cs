namespace Forecaster.Flows;

/// <summary>The kinds of event-level flow a lending pool emits.</summary>
public enum FlowKind
{
    /// <summary>A deposit into the reserve.</summary>
    Supply = 1,

    /// <summary>A withdrawal from the reserve.</summary>
    Withdraw = 2,

    /// <summary>A new borrow taken from the reserve.</summary>
    Borrow = 3,

    /// <summary>A repayment of a borrow.</summary>
    Repay = 4,

    /// <summary>A liquidation of a position (debt repaid, collateral seized).</summary>
    Liquidation = 5,

    /// <summary>A flash loan taken and repaid within one transaction.</summary>
    FlashLoan = 6,

    /// <summary>
    /// An ERC-20 transfer of the reserve's deposit token (aToken): a mint, a burn, or deposits changing hands between holders.
    /// Not a flow by itself: kept beside the pool's events to cross-check them. Account: the holder whose balance changes
    /// (the recipient of a mint, otherwise the sender); <see cref="FlowEvent.Counterparty"/>: the other side.
    /// </summary>
    ATokenTransfer = 7,
}
