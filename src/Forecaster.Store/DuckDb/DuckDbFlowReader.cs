using System.Numerics;
using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>Reads stored logs back in chain order, with their flows.</summary>
internal static class DuckDbFlowReader
{
    public static IReadOnlyList<PoolLog> ReadLogs(DuckDBConnection connection, string chain, string source, long afterBlock) =>
        StreamLogs(connection, chain, source, new LogFilter(afterBlock), streaming: false).ToList();

    /// <summary>Which of a source's stored logs to read: after a block, of one market and some kinds, stamped before a time.</summary>
    public sealed record LogFilter(long AfterBlock = -1, string? Market = null, IReadOnlyCollection<FlowKind>? Kinds = null, DateTimeOffset? Before = null);

    /// <summary>
    /// A source's stored logs with their flows in chain order, yielded row by row as they are enumerated; with
    /// <paramref name="streaming"/> DuckDB too reads them chunk by chunk, so the caller never holds them all at once, and the
    /// connection serves nothing else until the enumeration ends.
    /// </summary>
    public static IEnumerable<PoolLog> StreamLogs(DuckDBConnection connection, string chain, string source, LogFilter filter, bool streaming = true)
    {
        var parameters = new List<(string Name, object? Value)> { ("chain", chain), ("source", source), ("after", filter.AfterBlock) };
        var where = "f.stream = (" + DuckDbFlowWriter.StreamOf + ") AND f.block > $after";
        if (filter.Market is not null)
        {
            where += " AND m.name = $market";
            parameters.Add(("market", filter.Market));
        }
        if (filter.Kinds is not null)
            where += filter.Kinds.Count == 0 ? " AND FALSE" : " AND f.kind IN (" + string.Join(", ", filter.Kinds.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
        if (filter.Before is { } before)
        {
            where += " AND b.ts < $before";
            parameters.Add(("before", before.ToUnixTimeSeconds()));
        }
        using var command = DuckDbSchema.Command(connection, $"""
            SELECT f.tx_hash_hi, f.tx_hash_lo, f.log_index, f.block, b.hash, b.ts, f.payload, m.name, f.kind, f.amount,
                   f.account_hi, f.account_lo, f.emitter_hi, f.emitter_lo, s.topic
            FROM flow_events f LEFT JOIN chain_blocks b ON b.chain = $chain AND b.number = f.block LEFT JOIN flow_markets m ON m.id = f.market
                 LEFT JOIN flow_signatures s ON s.id = f.signature
            WHERE {where} ORDER BY f.block, f.log_index
            """, [.. parameters]);
        // Streaming mode reads the result chunk by chunk instead of materialising it; a whole read keeps DuckDB's default.
        command.UseStreamingMode = streaming;
        using var reader = command.ExecuteReader();
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
            yield return new PoolLog(log, flow);
        }
    }

    /// <summary>Each stored (chain, source, market) with at least one Supply or Withdraw event.</summary>
    public static IReadOnlyList<Pipeline.AccountFlowSource> ReadAccountFlowSources(DuckDBConnection connection)
    {
        using var command = DuckDbSchema.Command(connection, $"""
            SELECT DISTINCT s.chain, s.source, m.name FROM flow_events f JOIN flow_streams s ON s.id = f.stream JOIN flow_markets m ON m.id = f.market
            WHERE f.kind IN ({(int)FlowKind.Supply}, {(int)FlowKind.Withdraw}) ORDER BY m.name, s.chain, s.source
            """);
        using var reader = command.ExecuteReader();
        var sources = new List<Pipeline.AccountFlowSource>();
        while (reader.Read()) sources.Add(new Pipeline.AccountFlowSource(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return sources;
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
