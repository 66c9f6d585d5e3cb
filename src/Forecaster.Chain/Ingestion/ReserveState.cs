using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Flows;

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
    public decimal SuppliedAt(long unixSeconds) => Tokens(SuppliedRawAt(unixSeconds));

    /// <summary>Deposits with interest at <paramref name="unixSeconds"/>, raw token units (what the snapshot files call token_balance).</summary>
    public BigInteger SuppliedRawAt(long unixSeconds) => RayMath.Mul(ScaledSupplied, Indexes.LiquidityIndexAt(unixSeconds));

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

    /// <summary>This state as a saved point's reserve.</summary>
    /// <param name="asset">The reserve's underlying asset.</param>
    /// <param name="info">The reserve's metadata (market name and decimals are kept to check a resume).</param>
    /// <param name="currentHour">The hour being summed, or null before the first event.</param>
    /// <param name="pendingOpening">An opening still waiting for the first rate update.</param>
    public ReserveAggregation ToAggregation(string asset, ReserveInfo info, DateTimeOffset? currentHour, ReserveBalance? pendingOpening)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new ReserveAggregation(asset, info.MarketName, Decimals, ScaledSupplied, ScaledBorrowed,
            Indexes.LiquidityIndex, Indexes.VariableBorrowIndex, Indexes.LiquidityRate, Indexes.VariableBorrowRate, Indexes.UpdatedAt,
            RatesKnown, currentHour, LiquidatedThisHour, FlowsThisHour.Deposits, FlowsThisHour.Withdrawals, FlowsThisHour.Borrows, FlowsThisHour.Repays,
            LastBlock, pendingOpening);
    }

    /// <summary>The state a saved point's reserve describes.</summary>
    public static ReserveState FromAggregation(ReserveAggregation saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return new ReserveState(saved.Decimals)
        {
            ScaledSupplied = saved.ScaledSupplied,
            ScaledBorrowed = saved.ScaledBorrowed,
            Indexes = new ReserveIndexes(saved.LiquidityIndex, saved.VariableBorrowIndex, saved.LiquidityRate, saved.VariableBorrowRate, saved.IndexesUpdatedAt),
            RatesKnown = saved.RatesKnown,
            LiquidatedThisHour = saved.Liquidated,
            FlowsThisHour = (saved.Deposits, saved.Withdrawals, saved.Borrows, saved.Repays),
            LastBlock = saved.LastBlock,
        };
    }

    private static BigInteger Scaled(BigInteger raw, BigInteger index) => raw.Sign < 0 ? -RayMath.Div(-raw, index) : RayMath.Div(raw, index);

    // A balance below zero means events are missing (or the opening was wrong); keep the sign so reconciliation shows it.
    private decimal Tokens(BigInteger raw) => raw.Sign < 0 ? -TokenUnits.ToTokens(-raw, Decimals) : TokenUnits.ToTokens(raw, Decimals);

    private static double RatePct(BigInteger ray) => (double)((decimal)ray / (decimal)RayMath.Ray) * 100;
}
