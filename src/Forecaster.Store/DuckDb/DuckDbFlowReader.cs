using System.Numerics;
using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>Reads stored logs back in chain order, with their flows.</summary>
internal static class DuckDbFlowReader
{
    public static IReadOnlyList<PoolLog> ReadLogs(DuckDBConnection connection, string chain, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT tx_hash_hi, tx_hash_lo, log_index, block, block_hash_hi, block_hash_lo, ts, payload, market, kind, amount, account_hi, account_lo, emitter_hi, emitter_lo
            FROM flow_events WHERE stream = ({DuckDbFlowWriter.StreamOf}) ORDER BY block, log_index
            """;
        command.Parameters.Add(new DuckDBParameter("chain", chain));
        command.Parameters.Add(new DuckDBParameter("source", source));
        using var reader = command.ExecuteReader();
        var logs = new List<PoolLog>();
        while (reader.Read())
        {
            var (topics, data) = DuckDbLogPayload.Unpack(ReadBlob(reader, 7));
            var timestamp = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(6));
            var transaction = DuckDbChainHex.FormatHash(UInt128At(reader, 0), UInt128At(reader, 1));
            var blockHash = DuckDbChainHex.FormatHash(UInt128At(reader, 4), UInt128At(reader, 5));
            var emitter = reader.IsDBNull(13) ? source : DuckDbChainHex.FormatAddress(UInt128At(reader, 13), reader.GetFieldValue<uint>(14));
            var log = new ChainLog(chain, reader.GetInt64(3), blockHash, transaction, reader.GetInt64(2), timestamp, emitter, topics, data);
            var flow = reader.IsDBNull(8)
                ? null
                : new FlowEvent(chain, log.TransactionHash, log.LogIndex, log.Block, timestamp, reader.GetString(8),
                    (FlowKind)reader.GetInt32(9), reader.GetDecimal(10),
                    DuckDbChainHex.FormatAddress(UInt128At(reader, 11), reader.GetFieldValue<uint>(12)));
            logs.Add(new PoolLog(log, flow));
        }
        return logs;
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
