namespace Forecaster.Ingest.Snapshots;

/// <summary>
/// The column schema of the hourly snapshot files (the shared Aave v2 data's): names are matched case-sensitively,
/// extra columns are allowed and ignored (TVL_USD and the stable rates are not used by Forecaster); optional columns are read
/// when present and unknown when absent.
/// </summary>
public static class SnapshotSchema
{
    /// <summary>The hour, ISO-8601 UTC on a whole hour.</summary>
    public const string Hour = "hour_utc";
    /// <summary>Unix seconds of the snapshot the hour was filled from.</summary>
    public const string Timestamp = "timestamp";
    /// <summary>Block of that snapshot.</summary>
    public const string Block = "block";
    /// <summary>Total deposits, USD.</summary>
    public const string Supplied = "supplied_USD";
    /// <summary>Total borrows, USD.</summary>
    public const string Borrowed = "borrowed_USD";
    /// <summary>USD liquidated in the hour.</summary>
    public const string Liquidations = "liquidations";
    /// <summary>Variable supply rate, percent a year (may be empty).</summary>
    public const string SupplyRate = "lender_variable_apr";
    /// <summary>Variable borrow rate, percent a year (may be empty).</summary>
    public const string BorrowRate = "borrower_variable_apr";

    /// <summary>Total deposits in raw token units (optional; may be empty; values pass 1e24, so read as a double).</summary>
    public const string SuppliedTokens = "token_balance";

    /// <summary>Columns a file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Hour, Timestamp, Block, Supplied, Borrowed, Liquidations, SupplyRate, BorrowRate];
}
