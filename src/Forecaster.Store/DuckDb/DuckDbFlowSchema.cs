using DuckDB.NET.Data;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// The chain tables. Timestamps are BIGINT unix seconds like the market tables; amounts DECIMAL(38,18), which holds any
/// real token amount (up to 10^20 whole tokens) exactly at 18 decimals.
/// flow_events is laid out for the bulk path (<see cref="DuckDbChunkAppender"/>): nearly every column has a fixed size, since
/// a BLOB or text longer than 12 bytes costs DuckDB a heap string per value and those columns were most of the cost of a log.
/// (chain, source) is a small integer stream id (flow_streams), a flow's market one too (flow_markets) and its kind a UTINYINT; transaction and block hashes are pairs of UHUGEINTs and the
/// account a UHUGEINT and a UINTEGER (<see cref="DuckDbChainHex"/>); a log's first topic (its event signature) is a small
/// id (flow_signatures, NULL for a log without topics) and its other topics and data stay in one compact BLOB
/// (<see cref="DuckDbLogPayload"/>), so every stored event can be decoded again. A log emitted by another contract than the
/// stream's source (an aToken's Transfer read with its pool) keeps its emitter in emitter_hi/lo, NULL for the source itself.
/// A log's block hash and timestamp are not repeated per log: the writer checks that they equal its block's chain_blocks row
/// of the same batch, and the reader joins them back by block number (a reorg rollback removes both by block number).
/// flow_events has no PRIMARY KEY on purpose: DuckDB's index makes INSERT OR IGNORE an order of magnitude slower than the
/// 200,000 logs/s target; uniqueness of (chain, tx_hash, log_index) is kept by the writer's anti-join instead.
/// </summary>
internal static class DuckDbFlowSchema
{
    public static void Ensure(DuckDBConnection connection)
    {
        RefuseOlderLayout(connection);
        DuckDbSchema.Execute(connection, """
        CREATE TABLE IF NOT EXISTS flow_streams (
            id INTEGER PRIMARY KEY,
            chain VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            UNIQUE (chain, source));
        CREATE TABLE IF NOT EXISTS flow_markets (
            id INTEGER PRIMARY KEY,
            name VARCHAR NOT NULL UNIQUE);
        CREATE TABLE IF NOT EXISTS flow_signatures (
            id INTEGER PRIMARY KEY,
            topic VARCHAR NOT NULL UNIQUE);
        CREATE TABLE IF NOT EXISTS flow_events (
            stream INTEGER NOT NULL,
            tx_hash_hi UHUGEINT NOT NULL,
            tx_hash_lo UHUGEINT NOT NULL,
            log_index BIGINT NOT NULL,
            block BIGINT NOT NULL,
            payload BLOB NOT NULL,
            market INTEGER,
            kind UTINYINT,
            amount DECIMAL(38, 18),
            account_hi UHUGEINT,
            account_lo UINTEGER,
            emitter_hi UHUGEINT,
            emitter_lo UINTEGER,
            signature USMALLINT);
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

    // Files written before this layout hold hashes as text or as tagged BLOBs in a tx_hash column, lack the emitter columns,
    // repeat the block hash and timestamp in every log, name the market as text in every flow, or keep a log's first topic in
    // its payload (no signature column: the payload would be misread);
    // appending the new rows to them would fail half-way through a run, so they are refused up front (no migration: re-reading
    // the chain is the remedy).
    private static void RefuseOlderLayout(DuckDBConnection connection)
    {
        var layout = ColumnType(connection, "tx_hash") switch
        {
            "VARCHAR" => "hashes as text",
            "BLOB" => "hashes as variable-length BLOBs",
            { } other => $"tx_hash as {other}",
            null when ColumnType(connection, "tx_hash_hi") is not null && ColumnType(connection, "emitter_hi") is null => "no emitter column",
            null when ColumnType(connection, "block_hash_hi") is not null => "a block hash and timestamp per log",
            null when ColumnType(connection, "market") is "VARCHAR" => "markets as text",
            null when ColumnType(connection, "payload") is not null && ColumnType(connection, "signature") is null => "the first topic in the payload",
            null => null,
        };
        if (layout is not null)
            throw new ForecasterException(
                $"The store {connection.DataSource} holds chain logs in an older layout ({layout}); ingest into a new store file.");
    }

    private static string? ColumnType(DuckDBConnection connection, string column)
    {
        using var command = DuckDbSchema.Command(connection,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'flow_events' AND column_name = $column", ("column", column));
        return command.ExecuteScalar() as string;
    }
}
