namespace Forecaster.Chain.Ingestion;

/// <summary>A reserve's state built from events, in whole tokens, as the aggregator walks the logs.</summary>
public sealed class ReserveState
{
    /// <summary>Total deposits.</summary>
    public decimal Supplied { get; set; }

    /// <summary>Total debt.</summary>
    public decimal Borrowed { get; set; }

    /// <summary>Collateral seized in liquidations during the current hour.</summary>
    public decimal LiquidatedThisHour { get; set; }

    /// <summary>Gross deposits, withdrawals, borrows and repayments during the current hour, in whole tokens.</summary>
    public (decimal Deposits, decimal Withdrawals, decimal Borrows, decimal Repays) FlowsThisHour { get; set; }

    /// <summary>Last liquidity (supply) rate seen, percent a year; NaN before the first rate update.</summary>
    public double SupplyRatePct { get; set; } = double.NaN;

    /// <summary>Last variable borrow rate seen, percent a year; NaN before the first rate update.</summary>
    public double BorrowRatePct { get; set; } = double.NaN;

    /// <summary>Last block that changed this reserve.</summary>
    public long LastBlock { get; set; }
}
