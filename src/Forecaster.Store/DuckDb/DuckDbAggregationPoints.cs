using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Saved aggregation points (<see cref="AggregationPoint"/>): a header row per (chain, source, block) and a row per reserve.
/// Balances, indexes and rates are integers up to 256 bits and the hour's sums exact decimals of any scale, so they are kept as
/// their invariant text: exact, where a DECIMAL(38, x) column could overflow or round.
/// </summary>
internal static class DuckDbAggregationPoints
{
    public static void Ensure(DuckDBConnection connection) => DuckDbSchema.Execute(connection, """
        CREATE TABLE IF NOT EXISTS flow_aggregation_points (
            chain VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            block BIGINT NOT NULL,
            format INTEGER NOT NULL,
            market_prefix VARCHAR NOT NULL,
            PRIMARY KEY (chain, source, block));
        CREATE TABLE IF NOT EXISTS flow_aggregation_reserves (
            chain VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            block BIGINT NOT NULL,
            asset VARCHAR NOT NULL,
            market VARCHAR NOT NULL,
            decimals INTEGER NOT NULL,
            scaled_supplied VARCHAR NOT NULL,
            scaled_borrowed VARCHAR NOT NULL,
            liquidity_index VARCHAR NOT NULL,
            variable_borrow_index VARCHAR NOT NULL,
            liquidity_rate VARCHAR NOT NULL,
            variable_borrow_rate VARCHAR NOT NULL,
            indexes_updated_at BIGINT NOT NULL,
            rates_known BOOLEAN NOT NULL,
            current_hour BIGINT,
            liquidated VARCHAR NOT NULL,
            deposits VARCHAR NOT NULL,
            withdrawals VARCHAR NOT NULL,
            borrows VARCHAR NOT NULL,
            repays VARCHAR NOT NULL,
            last_block BIGINT NOT NULL,
            pending_block BIGINT,
            pending_supplied VARCHAR,
            pending_borrowed VARCHAR,
            PRIMARY KEY (chain, source, block, asset));
        """);

    public static void Save(DuckDBConnection connection, AggregationPoint point, int keep)
    {
        if (keep < 1) throw new ArgumentOutOfRangeException(nameof(keep), keep, "At least the point being saved is kept.");
        using var transaction = connection.BeginTransaction();
        try
        {
            Execute(connection, "DELETE FROM flow_aggregation_reserves WHERE chain = $chain AND source = $source AND block = $block",
                ("chain", point.Chain), ("source", point.Source), ("block", point.Block));
            Execute(connection, "DELETE FROM flow_aggregation_points WHERE chain = $chain AND source = $source AND block = $block",
                ("chain", point.Chain), ("source", point.Source), ("block", point.Block));
            Execute(connection, "INSERT INTO flow_aggregation_points VALUES ($chain, $source, $block, $format, $prefix)",
                ("chain", point.Chain), ("source", point.Source), ("block", point.Block), ("format", point.Format), ("prefix", point.MarketPrefix));
            foreach (var r in point.Reserves) Insert(connection, point, r);
            Execute(connection, """
                DELETE FROM flow_aggregation_points WHERE chain = $chain AND source = $source AND block NOT IN (
                    SELECT block FROM flow_aggregation_points WHERE chain = $chain AND source = $source ORDER BY block DESC LIMIT $keep)
                """, ("chain", point.Chain), ("source", point.Source), ("keep", keep));
            Execute(connection, """
                DELETE FROM flow_aggregation_reserves r WHERE chain = $chain AND source = $source AND NOT EXISTS (
                    SELECT 1 FROM flow_aggregation_points p WHERE p.chain = r.chain AND p.source = r.source AND p.block = r.block)
                """, ("chain", point.Chain), ("source", point.Source));
            transaction.Commit();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    public static AggregationPoint? Newest(DuckDBConnection connection, string chain, string source)
    {
        long block;
        int format;
        string prefix;
        using (var header = Command(connection,
            "SELECT block, format, market_prefix FROM flow_aggregation_points WHERE chain = $chain AND source = $source ORDER BY block DESC LIMIT 1",
            ("chain", chain), ("source", source)))
        using (var reader = header.ExecuteReader())
        {
            if (!reader.Read()) return null;
            (block, format, prefix) = (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2));
        }
        using var command = Command(connection, """
            SELECT asset, market, decimals, scaled_supplied, scaled_borrowed, liquidity_index, variable_borrow_index, liquidity_rate,
                   variable_borrow_rate, indexes_updated_at, rates_known, current_hour, liquidated, deposits, withdrawals, borrows, repays,
                   last_block, pending_block, pending_supplied, pending_borrowed
            FROM flow_aggregation_reserves WHERE chain = $chain AND source = $source AND block = $block ORDER BY asset
            """, ("chain", chain), ("source", source), ("block", block));
        using var rows = command.ExecuteReader();
        var reserves = new List<ReserveAggregation>();
        while (rows.Read())
        {
            var asset = rows.GetString(0);
            reserves.Add(new ReserveAggregation(asset, rows.GetString(1), rows.GetInt32(2),
                Integer(rows, 3), Integer(rows, 4), Integer(rows, 5), Integer(rows, 6), Integer(rows, 7), Integer(rows, 8), rows.GetInt64(9),
                rows.GetBoolean(10), rows.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeSeconds(rows.GetInt64(11)),
                Exact(rows, 12), Exact(rows, 13), Exact(rows, 14), Exact(rows, 15), Exact(rows, 16),
                rows.GetInt64(17),
                rows.IsDBNull(18) ? null : new ReserveBalance(chain, source, asset, rows.GetInt64(18), Exact(rows, 19), Exact(rows, 20))));
        }
        return new AggregationPoint(chain, source, block, format, prefix, reserves);
    }

    public static void Clear(DuckDBConnection connection, string chain, string source)
    {
        using var transaction = connection.BeginTransaction();
        ClearWithin(connection, chain, source);
        transaction.Commit();
    }

    /// <summary>Removes every point of a source inside the connection's open transaction.</summary>
    public static void ClearWithin(DuckDBConnection connection, string chain, string source)
    {
        foreach (var table in (string[])["flow_aggregation_reserves", "flow_aggregation_points"])
            Execute(connection, $"DELETE FROM {table} WHERE chain = $chain AND source = $source", ("chain", chain), ("source", source));
    }

    /// <summary>Removes the points of every source of the chain at or past a rolled-back block; called inside the rollback's transaction.</summary>
    public static void RemoveFrom(DuckDBConnection connection, string chain, long fromBlock)
    {
        foreach (var table in (string[])["flow_aggregation_reserves", "flow_aggregation_points"])
            Execute(connection, $"DELETE FROM {table} WHERE chain = $chain AND block >= $from", ("chain", chain), ("from", fromBlock));
    }

    public static (string Chain, string Source)? FindMarketWriter(DuckDBConnection connection, string market, string chain, string source)
    {
        using var command = Command(connection,
            "SELECT chain, source FROM flow_aggregation_reserves WHERE market = $market AND NOT (chain = $chain AND source = $source) ORDER BY chain, source LIMIT 1",
            ("market", market), ("chain", chain), ("source", source));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static void Insert(DuckDBConnection connection, AggregationPoint point, ReserveAggregation r)
    {
        var pending = r.PendingOpening;
        Execute(connection, """
            INSERT INTO flow_aggregation_reserves VALUES ($chain, $source, $block, $asset, $market, $decimals, $ss, $sb, $li, $vbi, $lr, $vbr,
                $updated, $known, $hour, $liq, $dep, $wd, $bor, $rep, $last, $pb, $ps, $pbor)
            """,
            ("chain", point.Chain), ("source", point.Source), ("block", point.Block), ("asset", r.Asset), ("market", r.Market), ("decimals", r.Decimals),
            ("ss", Text(r.ScaledSupplied)), ("sb", Text(r.ScaledBorrowed)), ("li", Text(r.LiquidityIndex)), ("vbi", Text(r.VariableBorrowIndex)),
            ("lr", Text(r.LiquidityRate)), ("vbr", Text(r.VariableBorrowRate)), ("updated", r.IndexesUpdatedAt), ("known", r.RatesKnown),
            ("hour", r.CurrentHour?.ToUnixTimeSeconds()), ("liq", Text(r.Liquidated)), ("dep", Text(r.Deposits)), ("wd", Text(r.Withdrawals)),
            ("bor", Text(r.Borrows)), ("rep", Text(r.Repays)), ("last", r.LastBlock),
            ("pb", pending?.Block), ("ps", pending is null ? null : Text(pending.Supplied)), ("pbor", pending is null ? null : Text(pending.Borrowed)));
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    // "R" is not defined for decimal; the invariant default keeps every digit and the scale, and parses back to the same value.
    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static BigInteger Integer(DuckDBDataReader reader, int ordinal) => BigInteger.Parse(reader.GetString(ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static decimal Exact(DuckDBDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        DuckDbSchema.Command(connection, sql, parameters);
}
