using DuckDB.NET.Data;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The chain tables. Timestamps are BIGINT unix seconds like the market tables; amounts DECIMAL(38,18), which holds any
/// real token amount (up to 10^20 whole tokens) exactly at 18 decimals. A log's topics and data are kept together in one
/// compact BLOB (<see cref="DuckDbLogPayload"/>) so the appender writes one value instead of five; in flow_events the
/// source, hashes and account are BLOBs of their bytes (<see cref="DuckDbHexText"/>): text longer than 12 bytes costs
/// DuckDB a heap string per value, and these columns were most of the append time of a log.
/// flow_events has no PRIMARY KEY on purpose: DuckDB's index makes INSERT OR IGNORE an order of magnitude slower than the
/// 200,000 logs/s target; uniqueness of (chain, tx_hash, log_index) is kept by the writer's anti-join instead.
/// </summary>
internal static class DuckDbFlowSchema
{
    public static void Ensure(DuckDBConnection connection)
    {
        RefuseTextLayout(connection);
        DuckDbSchema.Execute(connection, """
        CREATE TABLE IF NOT EXISTS flow_events (
            chain VARCHAR NOT NULL,
            source BLOB NOT NULL,
            tx_hash BLOB NOT NULL,
            log_index BIGINT NOT NULL,
            block BIGINT NOT NULL,
            block_hash BLOB NOT NULL,
            ts BIGINT NOT NULL,
            payload BLOB NOT NULL,
            market VARCHAR,
            kind INTEGER,
            amount DECIMAL(38, 18),
            account BLOB);
        CREATE TABLE IF NOT EXISTS chain_blocks (
            chain VARCHAR NOT NULL,
            number BIGINT NOT NULL,
            hash VARCHAR NOT NULL,
            ts BIGINT NOT NULL,
            PRIMARY KEY (chain, number));
        CREATE TABLE IF NOT EXISTS chain_checkpoints (
            chain VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            block BIGINT NOT NULL,
            block_hash VARCHAR NOT NULL,
            PRIMARY KEY (chain, source));
        CREATE TABLE IF NOT EXISTS chain_reserve_openings (
            chain VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            asset VARCHAR NOT NULL,
            block BIGINT NOT NULL,
            supplied DECIMAL(38, 18) NOT NULL,
            borrowed DECIMAL(38, 18) NOT NULL,
            PRIMARY KEY (chain, source, asset));
        """);
    }

    // Files written before the BLOB layout hold hashes as text; appending bytes to them would fail half-way through a run.
    private static void RefuseTextLayout(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data_type FROM information_schema.columns WHERE table_name = 'flow_events' AND column_name = 'tx_hash'";
        if (command.ExecuteScalar() is "VARCHAR")
            throw new ForecasterException(
                $"The store {connection.DataSource} holds chain logs in an older layout (hashes as text); ingest into a new store file.");
    }
}
