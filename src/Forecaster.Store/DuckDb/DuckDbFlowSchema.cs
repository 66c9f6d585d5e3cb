using DuckDB.NET.Data;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The chain tables. Timestamps are BIGINT unix seconds like the market tables; amounts DECIMAL(38,18), which holds any
/// real token amount (up to 10^20 whole tokens) exactly at 18 decimals. A log's topics and data are kept together in one
/// BLOB (<see cref="DuckDbLogPayload"/>) so the appender writes one value instead of five.
/// flow_events has no PRIMARY KEY on purpose: DuckDB's index makes INSERT OR IGNORE an order of magnitude slower than the
/// 200,000 logs/s target; uniqueness of (chain, tx_hash, log_index) is kept by the writer's anti-join instead.
/// </summary>
internal static class DuckDbFlowSchema
{
    public static void Ensure(DuckDBConnection connection) => DuckDbSchema.Execute(connection, """
        CREATE TABLE IF NOT EXISTS flow_events (
            chain VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            tx_hash VARCHAR NOT NULL,
            log_index BIGINT NOT NULL,
            block BIGINT NOT NULL,
            block_hash VARCHAR NOT NULL,
            ts BIGINT NOT NULL,
            payload BLOB NOT NULL,
            market VARCHAR,
            kind INTEGER,
            amount DECIMAL(38, 18),
            account VARCHAR);
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
