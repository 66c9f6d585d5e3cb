using System.Numerics;
using Forecaster.Chain.Aave;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// A reserve's interest indexes and rates as of its last update (a <c>ReserveDataUpdated</c> event or <c>getReserveData</c>),
/// all in rays. A balance is its scaled amount times the index brought forward to the moment asked for.
/// </summary>
/// <param name="LiquidityIndex">Deposits' cumulative index at <paramref name="UpdatedAt"/>.</param>
/// <param name="VariableBorrowIndex">Variable debt's cumulative index at <paramref name="UpdatedAt"/>.</param>
/// <param name="LiquidityRate">Deposits' yearly rate from <paramref name="UpdatedAt"/> on.</param>
/// <param name="VariableBorrowRate">Variable debt's yearly rate from <paramref name="UpdatedAt"/> on.</param>
/// <param name="UpdatedAt">Unix seconds of the update.</param>
public readonly record struct ReserveIndexes(
    BigInteger LiquidityIndex, BigInteger VariableBorrowIndex, BigInteger LiquidityRate, BigInteger VariableBorrowRate, long UpdatedAt)
{
    /// <summary>A new reserve's indexes: 1.0, no interest yet.</summary>
    public static ReserveIndexes Initial { get; } = new(RayMath.Ray, RayMath.Ray, 0, 0, 0);

    /// <summary>The liquidity index at <paramref name="unixSeconds"/>: grown linearly, as the pool's getReserveNormalizedIncome.</summary>
    public BigInteger LiquidityIndexAt(long unixSeconds) =>
        unixSeconds <= UpdatedAt ? LiquidityIndex : RayMath.Mul(RayMath.LinearInterest(LiquidityRate, unixSeconds - UpdatedAt), LiquidityIndex);

    /// <summary>The variable borrow index at <paramref name="unixSeconds"/>: compounded, as getReserveNormalizedVariableDebt.</summary>
    public BigInteger VariableBorrowIndexAt(long unixSeconds) =>
        unixSeconds <= UpdatedAt ? VariableBorrowIndex : RayMath.Mul(RayMath.CompoundedInterest(VariableBorrowRate, unixSeconds - UpdatedAt), VariableBorrowIndex);
}
