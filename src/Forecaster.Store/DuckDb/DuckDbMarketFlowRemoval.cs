using DuckDB.NET.Data;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The removal behind <see cref="Pipeline.IFlowAppendTransaction.RemoveMarketsAsync"/>: a source's logs of some markets, inside
/// the transaction the caller holds.
/// </summary>
internal static class DuckDbMarketFlowRemoval
{
    public static long RemoveWithin(DuckDBConnection connection, string chain, string source, IReadOnlyCollection<string> markets)
    {
        long removed = 0;
        foreach (var market in markets.Distinct(StringComparer.Ordinal))
        {
            using var delete = DuckDbSchema.Command(connection,
                $"DELETE FROM flow_events WHERE stream = ({DuckDbFlowWriter.StreamOf}) AND market = (SELECT id FROM flow_markets WHERE name = $market)",
                ("chain", chain), ("source", source), ("market", market));
            removed += delete.ExecuteNonQuery();
        }
        // A call that removed nothing leaves everything else alone: a source may hold a checkpoint and no logs (a range read
        // with no events), which is what it read, not something left behind.
        if (removed == 0) return 0;
        // Saved aggregation points count the removed logs: a later aggregation starts again from the opening.
        DuckDbAggregationPoints.ClearWithin(connection, chain, source);
        if (Holds(connection, $"SELECT 1 FROM flow_events WHERE stream = ({DuckDbFlowWriter.StreamOf})", chain, source)) return removed;
        // Nothing of the source is left, so nothing says it was read: a later write of it (another simulated run) starts afresh.
        Execute(connection, "DELETE FROM chain_checkpoints WHERE chain = $chain AND source = $source", chain, source);
        // Block hashes serve the logs and the reorg checks of sources that read the chain; with neither left they go too,
        // so another run's blocks of the same numbers can be stored.
        if (!Holds(connection, "SELECT 1 FROM chain_checkpoints WHERE chain = $chain", chain, source) &&
            !Holds(connection, "SELECT 1 FROM flow_events WHERE stream IN (SELECT id FROM flow_streams WHERE chain = $chain)", chain, source))
            Execute(connection, "DELETE FROM chain_blocks WHERE chain = $chain", chain, source);
        return removed;
    }

    private static bool Holds(DuckDBConnection connection, string query, string chain, string source)
    {
        using var command = DuckDbSchema.Command(connection, $"SELECT EXISTS ({query})", Parameters(query, chain, source));
        return command.ExecuteScalar() is true;
    }

    private static void Execute(DuckDBConnection connection, string sql, string chain, string source)
    {
        using var command = DuckDbSchema.Command(connection, sql, Parameters(sql, chain, source));
        command.ExecuteNonQuery();
    }

    // DuckDB refuses a parameter the statement does not use, so $source is passed only where it appears.
    private static (string, object?)[] Parameters(string sql, string chain, string source) =>
        sql.Contains("$source", StringComparison.Ordinal) ? [("chain", chain), ("source", source)] : [("chain", chain)];
}
