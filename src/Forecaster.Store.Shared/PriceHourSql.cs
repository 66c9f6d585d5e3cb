namespace Forecaster.Store;

/// <summary>
/// SQL both price stores share (compiled into each store assembly, like <see cref="MarketHourSql"/>): what counts as a
/// changed price hour, how staged rows are classified and which are merged, written once so both stores agree.
/// </summary>
internal static class PriceHourSql
{
    /// <summary>True when staged row s differs from stored row p.</summary>
    public const string Changed = "(s.price_usd IS DISTINCT FROM p.price_usd OR s.observed_ms IS DISTINCT FROM p.observed_ms)";

    /// <summary>Per symbol: staged hours that are new, changed and unchanged.</summary>
    public const string Classify = $"""
        SELECT s.symbol,
            count(*) FILTER (WHERE p.symbol IS NULL),
            count(*) FILTER (WHERE p.symbol IS NOT NULL AND {Changed}),
            count(*) FILTER (WHERE p.symbol IS NOT NULL AND NOT {Changed})
        FROM staging_prices s LEFT JOIN price_hours p ON p.symbol = s.symbol AND p.hour = s.hour
        GROUP BY s.symbol
        """;

    /// <summary>The staged rows to merge: new hours and changed ones.</summary>
    public const string RowsToMerge = $"""
        SELECT s.* FROM staging_prices s LEFT JOIN price_hours p ON p.symbol = s.symbol AND p.hour = s.hour
        WHERE p.symbol IS NULL OR {Changed}
        """;
}
