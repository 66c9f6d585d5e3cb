using DuckDB.NET.Data;
using Forecaster.Pipeline;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The upsert behind <see cref="DuckDbMarketStore.UpsertAsync"/>: a market with nothing stored is appended directly;
/// otherwise every incoming hour is appended to a staging table,
/// classify each against what is stored (new, changed, unchanged, older than stored), then merge the new and changed
/// ones, all in one transaction.
/// </summary>
internal static class DuckDbHourWriter
{
    public static IReadOnlyList<UpsertResult> Write(DuckDBConnection connection, IReadOnlyList<MarketBatch> batches)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            var results = WriteWithin(connection, batches);
            transaction.Commit();
            return results;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    /// <summary>Writes the batches inside the connection's open transaction, which the caller commits or rolls back.</summary>
    public static IReadOnlyList<UpsertResult> WriteWithin(DuckDBConnection connection, IReadOnlyList<MarketBatch> batches)
    {
        MarketBatch.EnsureDistinct(batches);
        foreach (var batch in batches) UpsertMarket(connection, batch.Market);

        // A market with no stored hours needs no comparison: its hours go straight in (the first ingest's fast path).
        var counts = new Dictionary<string, UpsertResult>();
        var fresh = batches.Where(b => StoredHours(connection, b.Market.Name) == 0).ToList();
        Append(connection, "market_hours", fresh);
        foreach (var b in fresh) counts[b.Market.Name] = new UpsertResult(b.Market.Name, b.Hours.Count, 0, 0, 0);

        DuckDbSchema.Execute(connection, $"""
            CREATE TABLE staging_hours AS SELECT * FROM market_hours LIMIT 0;
            CREATE TABLE staging_spans ({MarketHourSql.SpanColumns});
            """);
        var staged = batches.Except(fresh).ToList();
        Append(connection, "staging_hours", staged);
        AppendSpans(connection, staged);
        foreach (var (market, result) in Classify(connection)) counts[market] = result;
        foreach (var (market, removed) in CountOrphaned(connection)) counts[market] = counts[market] with { Removed = removed };
        DuckDbSchema.Execute(connection, $"""
            CREATE TABLE staging_changes AS {MarketHourSql.RowsToMerge};
            INSERT OR REPLACE INTO market_hours SELECT * FROM staging_changes;
            {MarketHourSql.RemoveOrphaned};
            DROP TABLE staging_changes;
            DROP TABLE staging_spans;
            DROP TABLE staging_hours;
            """);
        return batches.Select(b => counts.TryGetValue(b.Market.Name, out var c) ? c : new UpsertResult(b.Market.Name, 0, 0, 0, 0)).ToList();
    }

    private static void UpsertMarket(DuckDBConnection connection, Markets.Market market)
    {
        using var command = DuckDbSchema.Command(connection, """
            INSERT INTO markets VALUES ($name, $protocol, $chain, $asset, $pool, $simulated)
            ON CONFLICT (name) DO UPDATE SET protocol = excluded.protocol, chain = excluded.chain, asset = excluded.asset,
                pool_address = coalesce(excluded.pool_address, markets.pool_address), is_simulated = excluded.is_simulated
            """,
            ("name", market.Name), ("protocol", market.Protocol), ("chain", market.Chain), ("asset", market.Asset),
            ("pool", market.PoolAddress), ("simulated", market.IsSimulated));
        command.ExecuteNonQuery();
    }

    private static long StoredHours(DuckDBConnection connection, string market)
    {
        using var command = DuckDbSchema.Command(connection, "SELECT count(*) FROM market_hours WHERE market = $name", ("name", market));
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void Append(DuckDBConnection connection, string table, IReadOnlyList<MarketBatch> batches)
    {
        if (batches.Count == 0) return;
        using var appender = connection.CreateAppender(table);
        foreach (var batch in batches)
        {
            var name = batch.Market.Name;
            foreach (var h in batch.Hours)
            {
                var row = appender.CreateRow()
                    .AppendValue(name)
                    .AppendValue(h.Hour.ToUnixTimeSeconds())
                    .AppendValue(h.SuppliedUsd)
                    .AppendValue(h.BorrowedUsd)
                    .AppendValue(h.LiquidationsUsd);
                row = double.IsNaN(h.SupplyRatePct) ? row.AppendNullValue() : row.AppendValue(h.SupplyRatePct);
                row = double.IsNaN(h.BorrowRatePct) ? row.AppendNullValue() : row.AppendValue(h.BorrowRatePct);
                row = row.AppendValue((int)h.Quality)
                    .AppendValue(h.SnapshotTimestamp)
                    .AppendValue(h.Block);
                row = h.Flows is { } f
                    ? row.AppendValue(f.DepositsUsd).AppendValue(f.WithdrawalsUsd).AppendValue(f.BorrowsUsd).AppendValue(f.RepaysUsd)
                    : row.AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue();
                row = double.IsNaN(h.SuppliedTokens) ? row.AppendNullValue() : row.AppendValue(h.SuppliedTokens);
                row.EndRow();
            }
        }
    }

    // Markets with stored hours only: a fresh market's hours are already in market_hours, and a span would remove them.
    private static void AppendSpans(DuckDBConnection connection, IReadOnlyList<MarketBatch> staged)
    {
        using var appender = connection.CreateAppender("staging_spans");
        foreach (var batch in staged)
            if (batch.AuthoritativeFrom is { } from)
                appender.CreateRow().AppendValue(batch.Market.Name).AppendValue(from.ToUnixTimeSeconds()).EndRow();
    }

    private static Dictionary<string, long> CountOrphaned(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = MarketHourSql.CountOrphaned;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>();
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private static Dictionary<string, UpsertResult> Classify(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = MarketHourSql.Classify;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, UpsertResult>();
        while (reader.Read())
        {
            var market = reader.GetString(0);
            counts[market] = new UpsertResult(market, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }
        return counts;
    }
}
