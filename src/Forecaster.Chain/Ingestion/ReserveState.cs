using System.Numerics;
using Forecaster.Chain.Aave;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// A reserve's state built from events as the aggregator walks the logs. Balances are kept as the pool keeps them: scaled raw
/// amounts (amount ÷ index when minted or burned), so interest accrues through the indexes between events.
/// </summary>
public sealed class ReserveState(int decimals)
{
    /// <summary>Token decimals.</summary>
    public int Decimals { get; } = decimals;

    /// <summary>Deposits in scaled raw units (the aToken's scaled total supply).</summary>
    public BigInteger ScaledSupplied { get; set; }

    /// <summary>Variable debt in scaled raw units (the variable debt token's scaled total supply).</summary>
    public BigInteger ScaledBorrowed { get; set; }

    /// <summary>Indexes and rates as of the last update seen.</summary>
    public ReserveIndexes Indexes { get; set; } = ReserveIndexes.Initial;

    /// <summary>False until rates are known (first rate update, or an opening read from the pool).</summary>
    public bool RatesKnown { get; set; }

    /// <summary>Collateral seized in liquidations during the current hour, whole tokens.</summary>
    public decimal LiquidatedThisHour { get; set; }

    /// <summary>Gross deposits, withdrawals, borrows and repayments during the current hour, in whole tokens.</summary>
    public (decimal Deposits, decimal Withdrawals, decimal Borrows, decimal Repays) FlowsThisHour { get; set; }

    /// <summary>Last block that changed this reserve.</summary>
    public long LastBlock { get; set; }

    /// <summary>Deposits with interest at <paramref name="unixSeconds"/>, whole tokens.</summary>
    public decimal SuppliedAt(long unixSeconds) => Tokens(RayMath.Mul(ScaledSupplied, Indexes.LiquidityIndexAt(unixSeconds)));

    /// <summary>Debt with interest at <paramref name="unixSeconds"/>, whole tokens.</summary>
    public decimal BorrowedAt(long unixSeconds) => Tokens(RayMath.Mul(ScaledBorrowed, Indexes.VariableBorrowIndexAt(unixSeconds)));

    /// <summary>Deposits' yearly rate, percent; NaN while unknown.</summary>
    public double SupplyRatePct => RatesKnown ? RatePct(Indexes.LiquidityRate) : double.NaN;

    /// <summary>Variable debt's yearly rate, percent; NaN while unknown.</summary>
    public double BorrowRatePct => RatesKnown ? RatePct(Indexes.VariableBorrowRate) : double.NaN;

    /// <summary>Adds (or with a negative amount removes) raw deposits at the index of <paramref name="unixSeconds"/>.</summary>
    public void Supply(BigInteger raw, long unixSeconds) => ScaledSupplied += Scaled(raw, Indexes.LiquidityIndexAt(unixSeconds));

    /// <summary>Adds (or with a negative amount removes) raw variable debt at the index of <paramref name="unixSeconds"/>.</summary>
    public void Borrow(BigInteger raw, long unixSeconds) => ScaledBorrowed += Scaled(raw, Indexes.VariableBorrowIndexAt(unixSeconds));

    private static BigInteger Scaled(BigInteger raw, BigInteger index) => raw.Sign < 0 ? -RayMath.Div(-raw, index) : RayMath.Div(raw, index);

    // A balance below zero means events are missing (or the opening was wrong); keep the sign so reconciliation shows it.
    private decimal Tokens(BigInteger raw) => raw.Sign < 0 ? -TokenUnits.ToTokens(-raw, Decimals) : TokenUnits.ToTokens(raw, Decimals);

    private static double RatePct(BigInteger ray) => (double)((decimal)ray / (decimal)RayMath.Ray) * 100;
}
