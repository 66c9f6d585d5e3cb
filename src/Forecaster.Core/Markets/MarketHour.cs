namespace Forecaster.Markets;

/// <summary>
/// The state of one market at the end of one UTC hour.
/// </summary>
/// <param name="Hour">Start of the hour, UTC, on a whole hour.</param>
/// <param name="SuppliedUsd">Total deposits (liabilities to depositors), USD.</param>
/// <param name="BorrowedUsd">Total outstanding borrows, USD.</param>
/// <param name="LiquidationsUsd">Collateral liquidated during the hour, USD.</param>
/// <param name="SupplyRatePct">Variable supply (lender) rate, percent a year; NaN when unknown.</param>
/// <param name="BorrowRatePct">Variable borrow rate, percent a year; NaN when unknown.</param>
/// <param name="Quality">What is known to be imperfect about this hour.</param>
/// <param name="SnapshotTimestamp">Unix seconds of the source snapshot the hour was filled from.</param>
/// <param name="Block">Block number of that snapshot; 0 when not from a chain.</param>
public readonly record struct MarketHour(
    DateTimeOffset Hour,
    double SuppliedUsd,
    double BorrowedUsd,
    double LiquidationsUsd,
    double SupplyRatePct,
    double BorrowRatePct,
    DataQuality Quality,
    long SnapshotTimestamp,
    long Block)
{
    /// <summary>
    /// Gross flows during the hour where event-level data exists (a chain's logs, the agent simulator); null for hours
    /// read from snapshot files, which know only the state at the end of the hour.
    /// </summary>
    public GrossFlows? Flows { get; init; }

    /// <summary>
    /// Total deposits in the asset's own raw units (the smallest unit the chain counts, e.g. wei); NaN when the source does
    /// not know it. Liquidity is about tokens: a fall in the asset's price lowers <see cref="SuppliedUsd"/> although no
    /// token left the reserve, so relative deposit changes are measured in these units where known
    /// (<see cref="DepositChange"/>). A double, because raw balances reach 1e27 (18-decimal tokens), past a long.
    /// </summary>
    public double SuppliedTokens { get; init; } = double.NaN;

    /// <summary>What depositors could withdraw right now: deposits minus borrows, USD. Negative when the source over-reports borrows.</summary>
    public double AvailableLiquidityUsd => SuppliedUsd - BorrowedUsd;

    /// <summary>Borrows over deposits as read (may exceed 1 in messy data); 0 when there are no deposits.</summary>
    public double RawUtilization => SuppliedUsd > 0 ? BorrowedUsd / SuppliedUsd : 0;

    /// <summary>Utilization clipped to [0, 1], the value every derived computation uses.</summary>
    public double Utilization => Math.Clamp(RawUtilization, 0, 1);

    /// <summary>True when the hour carries the given flag.</summary>
    public bool Has(DataQuality flag) => (Quality & flag) == flag;

    /// <summary>
    /// True when the hour is a fresh snapshot with utilization at most 1: one whose rates can be read against its
    /// utilization. Forward-filled hours repeat an old snapshot (and would weigh it twice); utilization above 1 is a data error.
    /// A method, not a property, so that the record's printed form (and every digest taken of it) stays as it was.
    /// </summary>
    public bool IsFreshReading() => !Has(DataQuality.Stale) && !Has(DataQuality.UtilizationAboveOne);

    /// <summary>Returns a copy with the given flags added.</summary>
    public MarketHour WithFlags(DataQuality flags) => this with { Quality = Quality | flags };
}
