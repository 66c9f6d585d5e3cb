using System.Numerics;

namespace Forecaster.Chain.Aave;

/// <summary>
/// One decoded Pool event, amounts still in the token's raw units. Which fields are set depends on <see cref="Kind"/>.
/// </summary>
/// <param name="Kind">The event.</param>
/// <param name="Reserve">Underlying asset the <see cref="Amount"/> is in; for a liquidation the collateral asset; for an aToken transfer the aToken.</param>
/// <param name="Account">Whose position changed: onBehalfOf (supply, borrow), user (withdraw, repay, liquidated user), initiator (flash loan), sender (transfer).</param>
/// <param name="Counterparty">The other party: caller (supply, borrow), recipient (withdraw, transfer), repayer, liquidator, flash-loan target; empty for rate updates.</param>
/// <param name="Amount">Raw amount: supplied, withdrawn, borrowed, repaid, collateral liquidated, flash-loaned, minted to the treasury, transferred; 0 for rate updates.</param>
/// <param name="DebtReserve">Liquidation only: the debt asset.</param>
/// <param name="DebtAmount">Liquidation: debt covered; flash loan: premium; otherwise 0.</param>
/// <param name="Flag">Repay: useATokens; liquidation: receiveAToken.</param>
/// <param name="LiquidityRate">Borrow: the borrow rate (ray); rate update: liquidity rate (ray).</param>
/// <param name="VariableBorrowRate">Rate update: variable borrow rate (ray).</param>
/// <param name="LiquidityIndex">Rate update: liquidity index (ray).</param>
/// <param name="VariableBorrowIndex">Rate update: variable borrow index (ray).</param>
public sealed record PoolEvent(
    PoolEventKind Kind,
    string Reserve,
    string Account,
    string Counterparty,
    BigInteger Amount,
    string? DebtReserve = null,
    BigInteger DebtAmount = default,
    bool Flag = false,
    BigInteger LiquidityRate = default,
    BigInteger VariableBorrowRate = default,
    BigInteger LiquidityIndex = default,
    BigInteger VariableBorrowIndex = default)
{
    /// <summary>
    /// Whose aTokens of <see cref="Reserve"/> the pool burns by <see cref="Amount"/> for this event, as Aave v3 does: the
    /// withdrawing user; the repayer (the caller, whose aTokens <c>repayWithATokens</c> burns) of a repayment with aTokens; the
    /// liquidated user when the liquidator takes the collateral's underlying (receiveAToken false). Null for every other event:
    /// a liquidation with receiveAToken moves the seized aTokens to the liquidator by a Transfer instead, and in both cases the
    /// protocol's liquidation fee is a Transfer from the user to the treasury, not part of the event's amount.
    /// </summary>
    public string? ATokensBurnedFrom => Kind switch
    {
        PoolEventKind.Withdraw => Account,
        PoolEventKind.Repay when Flag => Counterparty,
        PoolEventKind.LiquidationCall when !Flag => Account,
        _ => null,
    };
}
