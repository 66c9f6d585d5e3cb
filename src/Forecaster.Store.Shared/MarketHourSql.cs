namespace Forecaster.Store;

/// <summary>
/// SQL both market stores share (this file is compiled into each store assembly, which share nothing but Core): the
/// hour table's columns and what counts as a changed hour. Written once so the embedded and the server store can never
/// disagree on whether a re-ingested hour is new, changed or unchanged.
/// </summary>
internal static class MarketHourSql
{
    /// <summary>The value columns of market_hours after (market, hour), in table order.</summary>
    public const string ValueColumns = """
        supplied_usd, borrowed_usd, liquidations_usd, supply_rate_pct, borrow_rate_pct, quality, snapshot_ts, block,
        deposits_usd, withdrawals_usd, borrows_usd, repays_usd, supplied_tokens
        """;

    /// <summary>
    /// Columns added after the first schema, in order, all nullable doubles: the gross flows (schema 2; unknown for
    /// snapshot data) and the deposits in raw token units (schema 3; unknown where the source lacks them). Older files and
    /// databases gain them through <see cref="AddLaterColumns"/> and read them as unknown.
    /// </summary>
    public static readonly string[] LaterColumns = ["deposits_usd", "withdrawals_usd", "borrows_usd", "repays_usd", "supplied_tokens"];

    /// <summary>The ALTER statements that bring an older hour table up to date (both dialects accept them).</summary>
    public static string AddLaterColumns(string doubleType) =>
        string.Join("\n", LaterColumns.Select(c => $"ALTER TABLE market_hours ADD COLUMN IF NOT EXISTS {c} {doubleType};"));

    /// <summary>True when staged row s differs from stored row h in any value (NULLs compare equal to NULLs).</summary>
    public const string Changed = """
        (s.supplied_usd IS DISTINCT FROM h.supplied_usd OR s.borrowed_usd IS DISTINCT FROM h.borrowed_usd
         OR s.liquidations_usd IS DISTINCT FROM h.liquidations_usd OR s.supply_rate_pct IS DISTINCT FROM h.supply_rate_pct
         OR s.borrow_rate_pct IS DISTINCT FROM h.borrow_rate_pct OR s.quality IS DISTINCT FROM h.quality
         OR s.snapshot_ts IS DISTINCT FROM h.snapshot_ts OR s.block IS DISTINCT FROM h.block
         OR s.deposits_usd IS DISTINCT FROM h.deposits_usd OR s.withdrawals_usd IS DISTINCT FROM h.withdrawals_usd
         OR s.borrows_usd IS DISTINCT FROM h.borrows_usd OR s.repays_usd IS DISTINCT FROM h.repays_usd
         OR s.supplied_tokens IS DISTINCT FROM h.supplied_tokens)
        """;

    /// <summary>Per market: staged hours that are new, changed (and not older), unchanged, and changed but older than stored.</summary>
    public const string Classify = $"""
        SELECT s.market,
            count(*) FILTER (WHERE h.market IS NULL),
            count(*) FILTER (WHERE h.market IS NOT NULL AND {Changed} AND s.snapshot_ts >= h.snapshot_ts),
            count(*) FILTER (WHERE h.market IS NOT NULL AND NOT {Changed}),
            count(*) FILTER (WHERE h.market IS NOT NULL AND {Changed} AND s.snapshot_ts < h.snapshot_ts)
        FROM staging_hours s LEFT JOIN market_hours h ON h.market = s.market AND h.hour = s.hour
        GROUP BY s.market
        """;

    /// <summary>The staged rows to merge: new hours, and changed hours from a snapshot not older than the stored one.</summary>
    public const string RowsToMerge = $"""
        SELECT s.* FROM staging_hours s LEFT JOIN market_hours h ON h.market = s.market AND h.hour = s.hour
        WHERE h.market IS NULL OR ({Changed} AND s.snapshot_ts >= h.snapshot_ts)
        """;

    /// <summary>Selects a market's hours in [$from/@from, $to/@to] in time order; the parameter prefix differs by dialect.</summary>
    public static string SelectHours(char parameterPrefix) => $"""
        SELECT hour, {ValueColumns}
        FROM market_hours WHERE market = {parameterPrefix}market AND hour >= {parameterPrefix}from AND hour <= {parameterPrefix}to ORDER BY hour
        """;
}
