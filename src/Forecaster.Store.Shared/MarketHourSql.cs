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

    /// <summary>
    /// True when staged row s may replace a changed stored row h: its snapshot is not older, or its batch is authoritative
    /// from an hour at or before it (<see cref="Forecaster.Pipeline.MarketBatch.Authoritative"/>; a chain reorg can stamp
    /// the new branch's tip earlier than the orphaned one's).
    /// </summary>
    private const string Supersedes = """
        (s.snapshot_ts >= h.snapshot_ts
         OR EXISTS (SELECT 1 FROM staging_spans r WHERE r.market = s.market AND s.hour >= r.from_hour))
        """;

    /// <summary>Per market: staged hours that are new, changed (and allowed to replace), unchanged, and changed but kept.</summary>
    public const string Classify = $"""
        SELECT s.market,
            count(*) FILTER (WHERE h.market IS NULL),
            count(*) FILTER (WHERE h.market IS NOT NULL AND {Changed} AND {Supersedes}),
            count(*) FILTER (WHERE h.market IS NOT NULL AND NOT {Changed}),
            count(*) FILTER (WHERE h.market IS NOT NULL AND {Changed} AND NOT {Supersedes})
        FROM staging_hours s LEFT JOIN market_hours h ON h.market = s.market AND h.hour = s.hour
        GROUP BY s.market
        """;

    /// <summary>The staged rows to merge: new hours, and changed hours allowed to replace the stored ones.</summary>
    public const string RowsToMerge = $"""
        SELECT s.* FROM staging_hours s LEFT JOIN market_hours h ON h.market = s.market AND h.hour = s.hour
        WHERE h.market IS NULL OR ({Changed} AND {Supersedes})
        """;

    /// <summary>The staging table of authoritative spans: a market and the first hour (unix seconds) its batch accounts for.</summary>
    public const string SpanColumns = "market VARCHAR, from_hour BIGINT";

    // Stored hours inside an authoritative span that its batch no longer has: they came from blocks no longer on the chain.
    private const string Orphaned = """
        FROM market_hours WHERE EXISTS (SELECT 1 FROM staging_spans r WHERE r.market = market_hours.market AND market_hours.hour >= r.from_hour)
            AND NOT EXISTS (SELECT 1 FROM staging_hours s WHERE s.market = market_hours.market AND s.hour = market_hours.hour)
        """;

    /// <summary>Per market: how many stored hours <see cref="RemoveOrphaned"/> will remove.</summary>
    public const string CountOrphaned = $"SELECT market, count(*) {Orphaned} GROUP BY market";

    /// <summary>Removes the stored hours of authoritative spans that their batches no longer have.</summary>
    public const string RemoveOrphaned = $"DELETE {Orphaned}";

    /// <summary>Selects a market's hours in [$from/@from, $to/@to] in time order; the parameter prefix differs by dialect.</summary>
    public static string SelectHours(char parameterPrefix) => $"""
        SELECT hour, {ValueColumns}
        FROM market_hours WHERE market = {parameterPrefix}market AND hour >= {parameterPrefix}from AND hour <= {parameterPrefix}to ORDER BY hour
        """;
}
