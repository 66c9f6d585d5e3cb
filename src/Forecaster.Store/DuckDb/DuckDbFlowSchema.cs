using DuckDB.NET.Data;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The chain tables. Timestamps are BIGINT unix seconds like the market tables; amounts DECIMAL(38,18), which holds any
/// real token amount (up to 10^20 whole tokens) exactly at 18 decimals.
/// </summary>
internal static class DuckDbFlowSchema
{
    public static void Ensure(DuckDBConnection connection) => DuckDbSchema.Execute(connection, """
        CREATE TABLE IF NOT EXISTS flow_events (
            chain VARCHAR NOT NULL,
            tx_hash VARCHAR NOT NULL,
            log_index BIGINT NOT NULL,
            block BIGINT NOT NULL,
            block_hash VARCHAR NOT NULL,
            ts BIGINT NOT NULL,
            source VARCHAR NOT NULL,
            topic0 VARCHAR, topic1 VARCHAR, topic2 VARCHAR, topic3 VARCHAR,
            data BLOB NOT NULL,
            market VARCHAR,
            kind INTEGER,
            amount DECIMAL(38, 18),
            account VARCHAR,
            PRIMARY KEY (chain, tx_hash, log_index));
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
