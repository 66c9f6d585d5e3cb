using System.Numerics;

namespace Forecaster.Flows;

/// <summary>
/// One reserve's part of an <see cref="AggregationPoint"/>: everything the hourly aggregation carries from one log to the next,
/// exactly (balances and indexes in raw integer units, the current hour's sums as exact decimals), so that aggregating the later
/// logs from here gives what aggregating every log from the opening would.
/// </summary>
/// <param name="Asset">0x-prefixed address of the reserve's underlying token, lower case.</param>
/// <param name="Market">The reserve's market name when the point was saved.</param>
/// <param name="Decimals">The token's decimals when the point was saved.</param>
/// <param name="ScaledSupplied">Deposits in scaled raw units (negative only when events are missing).</param>
/// <param name="ScaledBorrowed">Variable debt in scaled raw units.</param>
/// <param name="LiquidityIndex">Liquidity index of the last rate update, in rays.</param>
/// <param name="VariableBorrowIndex">Variable borrow index of the last rate update, in rays.</param>
/// <param name="LiquidityRate">Deposits' yearly rate from the last update on, in rays.</param>
/// <param name="VariableBorrowRate">Variable debt's yearly rate from the last update on, in rays.</param>
/// <param name="IndexesUpdatedAt">Unix seconds of the last rate update.</param>
/// <param name="RatesKnown">False until a rate update (or an opening with indexes) was seen.</param>
/// <param name="CurrentHour">The hour being summed (every earlier hour is closed), or null before the reserve's first event.</param>
/// <param name="Liquidated">Collateral seized so far in the current hour, whole tokens.</param>
/// <param name="Deposits">Gross deposits so far in the current hour, whole tokens.</param>
/// <param name="Withdrawals">Gross withdrawals so far in the current hour, whole tokens.</param>
/// <param name="Borrows">Gross borrows so far in the current hour, whole tokens.</param>
/// <param name="Repays">Gross repayments so far in the current hour, whole tokens.</param>
/// <param name="LastBlock">Last block that changed the reserve.</param>
/// <param name="PendingOpening">An opening read without its block's indexes, still waiting for the first rate update; else null.</param>
public sealed record ReserveAggregation(
    string Asset, string Market, int Decimals,
    BigInteger ScaledSupplied, BigInteger ScaledBorrowed,
    BigInteger LiquidityIndex, BigInteger VariableBorrowIndex, BigInteger LiquidityRate, BigInteger VariableBorrowRate, long IndexesUpdatedAt,
    bool RatesKnown, DateTimeOffset? CurrentHour,
    decimal Liquidated, decimal Deposits, decimal Withdrawals, decimal Borrows, decimal Repays,
    long LastBlock, ReserveBalance? PendingOpening);
