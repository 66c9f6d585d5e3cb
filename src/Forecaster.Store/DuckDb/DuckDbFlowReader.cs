using System.Numerics;
using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>Reads stored logs back in chain order, with their flows.</summary>
internal static class DuckDbFlowReader
{
    public static IReadOnlyList<PoolLog> ReadLogs(DuckDBConnection connection, string chain, string source, long afterBlock)
    {
        using var command = DuckDbSchema.Command(connection, $"""
            SELECT f.tx_hash_hi, f.tx_hash_lo, f.log_index, f.block, b.hash, b.ts, f.payload, m.name, f.kind, f.amount,
                   f.account_hi, f.account_lo, f.emitter_hi, f.emitter_lo, s.topic
            FROM flow_events f LEFT JOIN chain_blocks b ON b.chain = $chain AND b.number = f.block LEFT JOIN flow_markets m ON m.id = f.market
                 LEFT JOIN flow_signatures s ON s.id = f.signature
            WHERE f.stream = ({DuckDbFlowWriter.StreamOf}) AND f.block > $after ORDER BY f.block, f.log_index
            """, ("chain", chain), ("source", source), ("after", afterBlock));
        using var reader = command.ExecuteReader();
        var logs = new List<PoolLog>();
        while (reader.Read())
        {
            var transaction = TransactionOfStoredBlock(reader, chain, source);
            var (topics, data) = DuckDbLogPayload.Unpack(ReadBlob(reader, 6), reader.IsDBNull(14) ? null : reader.GetString(14));
            var timestamp = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(5));
            var emitter = reader.IsDBNull(12) ? source : DuckDbChainHex.FormatAddress(UInt128At(reader, 12), reader.GetFieldValue<uint>(13));
            var log = new ChainLog(chain, reader.GetInt64(3), reader.GetString(4), transaction, reader.GetInt64(2), timestamp, emitter, topics, data);
            var flow = reader.IsDBNull(7)
                ? null
                : new FlowEvent(chain, log.TransactionHash, log.LogIndex, log.Block, timestamp, reader.GetString(7),
                    (FlowKind)reader.GetByte(8), reader.GetDecimal(9),
                    DuckDbChainHex.FormatAddress(UInt128At(reader, 10), reader.GetFieldValue<uint>(11)));
            logs.Add(new PoolLog(log, flow));
        }
        return logs;
    }

    /// <summary>
    /// One market's flows of the given kinds in chain order, streamed from DuckDB row by row as they are enumerated: the
    /// caller never holds the market's flows at once.
    /// </summary>
    public static IEnumerable<FlowEvent> ReadFlows(DuckDBConnection connection, string chain, string source, string market, IReadOnlyCollection<FlowKind> kinds)
    {
        var only = string.Join(", ", kinds.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var command = DuckDbSchema.Command(connection, $"""
            SELECT f.tx_hash_hi, f.tx_hash_lo, f.log_index, f.block, b.ts, f.kind, f.amount, f.account_hi, f.account_lo
            FROM flow_events f JOIN flow_markets m ON m.id = f.market LEFT JOIN chain_blocks b ON b.chain = $chain AND b.number = f.block
            WHERE f.stream = ({DuckDbFlowWriter.StreamOf}) AND m.name = $market AND f.kind IN ({only}) ORDER BY f.block, f.log_index
            """, ("chain", chain), ("source", source), ("market", market));
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var transaction = TransactionOfStoredBlock(reader, chain, source);
            yield return new FlowEvent(chain, transaction, reader.GetInt64(2), reader.GetInt64(3), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4)), market,
                (FlowKind)reader.GetByte(5), reader.GetDecimal(6), DuckDbChainHex.FormatAddress(UInt128At(reader, 7), reader.GetFieldValue<uint>(8)));
        }
    }

    /// <summary>The markets with stored flows of the given kinds of a source, in ordinal order.</summary>
    public static IReadOnlyList<string> FlowMarkets(DuckDBConnection connection, string chain, string source, IReadOnlyCollection<FlowKind> kinds)
    {
        var only = string.Join(", ", kinds.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var command = DuckDbSchema.Command(connection, $"""
            SELECT DISTINCT m.name FROM flow_events f JOIN flow_markets m ON m.id = f.market
            WHERE f.stream = ({DuckDbFlowWriter.StreamOf}) AND f.kind IN ({only})
            """, ("chain", chain), ("source", source));
        using var reader = command.ExecuteReader();
        var markets = new List<string>();
        while (reader.Read()) markets.Add(reader.GetString(0));
        return markets.Order(StringComparer.Ordinal).ToList();
    }

    // The transaction hash of a row whose first columns are tx_hash_hi, tx_hash_lo, log_index, block and a column of its joined
    // block. Rollbacks remove logs and their blocks together for every source of the chain, so a row without its block means a
    // damaged file.
    private static string TransactionOfStoredBlock(DuckDBDataReader reader, string chain, string source)
    {
        var transaction = DuckDbChainHex.FormatHash(UInt128At(reader, 0), UInt128At(reader, 1));
        if (reader.IsDBNull(4))
            throw new ForecasterException(
                $"The stored log (block {reader.GetInt64(3)}, tx {transaction}, log index {reader.GetInt64(2)}) of {chain} {source} has no stored block: " +
                "the store file is inconsistent; ingest into a new store file.");
        return transaction;
    }

    // DuckDB.NET reads UHUGEINT as a BigInteger only.
    private static UInt128 UInt128At(DuckDBDataReader reader, int ordinal) => (UInt128)reader.GetFieldValue<BigInteger>(ordinal);

    private static byte[] ReadBlob(DuckDBDataReader reader, int ordinal)
    {
        using var stream = reader.GetStream(ordinal);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
