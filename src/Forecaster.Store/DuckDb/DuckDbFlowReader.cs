using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>Reads stored logs back in chain order, with their flows.</summary>
internal static class DuckDbFlowReader
{
    public static IReadOnlyList<PoolLog> ReadLogs(DuckDBConnection connection, string chain, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT tx_hash, log_index, block, block_hash, ts, payload, market, kind, amount, account
            FROM flow_events WHERE chain = $chain AND source = $source ORDER BY block, log_index
            """;
        command.Parameters.Add(new DuckDBParameter("chain", chain));
        command.Parameters.Add(new DuckDBParameter("source", DuckDbHexText.Pack(source)));
        using var reader = command.ExecuteReader();
        var logs = new List<PoolLog>();
        while (reader.Read())
        {
            var (topics, data) = DuckDbLogPayload.Unpack(ReadBlob(reader, 5));
            var timestamp = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4));
            var log = new ChainLog(chain, reader.GetInt64(2), ReadText(reader, 3), ReadText(reader, 0), reader.GetInt64(1), timestamp, source, topics, data);
            var flow = reader.IsDBNull(6)
                ? null
                : new FlowEvent(chain, log.TransactionHash, log.LogIndex, log.Block, timestamp, reader.GetString(6),
                    (FlowKind)reader.GetInt32(7), reader.GetDecimal(8), ReadText(reader, 9));
            logs.Add(new PoolLog(log, flow));
        }
        return logs;
    }

    private static string ReadText(DuckDBDataReader reader, int ordinal) => DuckDbHexText.Unpack(ReadBlob(reader, ordinal));

    private static byte[] ReadBlob(DuckDBDataReader reader, int ordinal)
    {
        using var stream = reader.GetStream(ordinal);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
