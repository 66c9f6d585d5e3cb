using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>The writes behind <see cref="DuckDbFlowEventStore"/>, each in one transaction.</summary>
internal static class DuckDbFlowWriter
{
    public static FlowAppendResult Append(DuckDBConnection connection, FlowLogBatch batch)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            var result = AppendWithin(connection, batch);
            transaction.Commit();
            return result;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    /// <summary>Writes the batch inside the connection's open transaction, which the caller commits or rolls back.</summary>
    public static FlowAppendResult AppendWithin(DuckDBConnection connection, FlowLogBatch batch)
    {
        var chain = batch.Checkpoint.Chain;
        long inserted;
        if (batch.Logs.Count == 0)
        {
            inserted = 0;
        }
        else if (!AnyStored(connection, chain, batch.Logs.Min(l => l.Log.Block), batch.Logs.Max(l => l.Log.Block)))
        {
            // The common case, a range past the checkpoint: nothing to compare with, so append straight into the table.
            inserted = DuckDbFlowRows.Append(connection, "flow_events", StreamId(connection, chain, batch.Checkpoint.Source), MarketIds(connection, batch), SignatureIds(connection, batch), batch);
        }
        else
        {
            DuckDbSchema.Execute(connection, "CREATE TABLE staging_flow_events AS SELECT * FROM flow_events LIMIT 0;");
            DuckDbFlowRows.Append(connection, "staging_flow_events", StreamId(connection, chain, batch.Checkpoint.Source), MarketIds(connection, batch), SignatureIds(connection, batch), batch);
            inserted = Merge(connection, chain);
            DuckDbSchema.Execute(connection, "DROP TABLE staging_flow_events;");
        }
        AppendBlocks(connection, chain, batch.Blocks);
        SetCheckpoint(connection, batch.Checkpoint);
        return new FlowAppendResult(inserted, batch.Logs.Count - inserted);
    }

    public static long Rollback(DuckDBConnection connection, string chain, long fromBlock, ChainBlock? ancestor)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            // The chain no longer has these blocks, whichever source read them: their logs and hashes go for every source.
            var removed = Execute(connection, $"DELETE FROM flow_events WHERE stream IN ({StreamsOfChain}) AND block >= $from", chain, fromBlock);
            Execute(connection, "DELETE FROM chain_blocks WHERE chain = $chain AND number >= $from", chain, fromBlock);
            // Every source that had read past the fork starts again from the common ancestor (re-reading is idempotent).
            if (ancestor is null)
                Execute(connection, "DELETE FROM chain_checkpoints WHERE chain = $chain AND block >= $from", chain, fromBlock);
            else
                Execute(connection, "UPDATE chain_checkpoints SET block = $block, block_hash = $hash WHERE chain = $chain AND block >= $from",
                    chain, fromBlock, ancestor);
            // Aggregation points past the fork include the removed logs: the next run resumes from an older one (or the opening).
            DuckDbAggregationPoints.RemoveFrom(connection, chain, fromBlock);
            transaction.Commit();
            return removed;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    private static int Execute(DuckDBConnection connection, string sql, string chain, long fromBlock, ChainBlock? block = null)
    {
        using var command = block is null
            ? DuckDbSchema.Command(connection, sql, ("chain", chain), ("from", fromBlock))
            : DuckDbSchema.Command(connection, sql, ("chain", chain), ("from", fromBlock), ("block", block.Number), ("hash", block.Hash));
        return command.ExecuteNonQuery();
    }

    private static void SetCheckpoint(DuckDBConnection connection, ChainCheckpoint checkpoint)
    {
        using var command = DuckDbSchema.Command(connection, "INSERT OR REPLACE INTO chain_checkpoints VALUES ($chain, $source, $block, $hash)",
            ("chain", checkpoint.Chain), ("source", checkpoint.Source), ("block", checkpoint.Block), ("hash", checkpoint.BlockHash));
        command.ExecuteNonQuery();
    }

    // Blocks go through the appender too: one INSERT per block would dominate the cost of a large batch. In the common case,
    // a range past every stored block, they go straight into the table: there is no stored block to compare or replace.
    private static void AppendBlocks(DuckDBConnection connection, string chain, IReadOnlyList<ChainBlock> blocks)
    {
        if (blocks.Count == 0) return;
        var direct = !AnyStoredBlock(connection, chain, blocks.Min(b => b.Number), blocks.Max(b => b.Number));
        if (!direct) DuckDbSchema.Execute(connection, "CREATE TABLE staging_chain_blocks AS SELECT * FROM chain_blocks LIMIT 0;");
        using (var appender = connection.CreateAppender(direct ? "chain_blocks" : "staging_chain_blocks"))
        {
            foreach (var block in blocks.DistinctBy(b => (b.Chain, b.Number)))
                appender.CreateRow().AppendValue(block.Chain).AppendValue(block.Number).AppendValue(block.Hash)
                    .AppendValue(block.Timestamp.ToUnixTimeSeconds()).EndRow();
        }
        if (direct) return;
        RefuseChangedBlock(connection);
        DuckDbSchema.Execute(connection, "INSERT OR REPLACE INTO chain_blocks SELECT * FROM staging_chain_blocks; DROP TABLE staging_chain_blocks;");
    }

    private static bool AnyStoredBlock(DuckDBConnection connection, string chain, long fromBlock, long toBlock) =>
        AnyBetween(connection, "SELECT 1 FROM chain_blocks WHERE chain = $chain AND number BETWEEN $from AND $to", chain, fromBlock, toBlock);

    // Stored logs read their block hash and time from chain_blocks, so a stored block is only replaced by itself: a block
    // that changed is a reorg, which is rolled back (removing its logs) before its range is stored again.
    private static void RefuseChangedBlock(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.number, c.hash, c.ts, s.hash, s.ts FROM staging_chain_blocks s JOIN chain_blocks c ON c.chain = s.chain AND c.number = s.number
            WHERE c.hash <> s.hash OR c.ts <> s.ts ORDER BY s.number LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        if (reader.Read())
            throw new ForecasterException(
                $"Block {reader.GetInt64(0)} is stored as {reader.GetString(1)} at {reader.GetInt64(2)} but the batch has it as {reader.GetString(3)} at {reader.GetInt64(4)}: " +
                "the chain reorganised below a stored block; ingesting again rolls the reorganised blocks back first. Nothing of the batch was written.");
    }

    // The stream id of (chain, source), given a new one on its first batch. Ids are only ever added, inside the batch's transaction.
    private static int StreamId(DuckDBConnection connection, string chain, string source)
    {
        using (var insert = StreamCommand(connection,
            $"INSERT INTO flow_streams SELECT (SELECT coalesce(max(id), 0) + 1 FROM flow_streams), $chain, $source WHERE NOT EXISTS ({StreamOf})",
            chain, source))
            insert.ExecuteNonQuery();
        using var select = StreamCommand(connection, StreamOf, chain, source);
        return Convert.ToInt32(select.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // The market ids of the batch's flows, each market given a new one on its first flow, inside the batch's transaction.
    private static Dictionary<string, int> MarketIds(DuckDBConnection connection, FlowLogBatch batch)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        foreach (var (_, flow) in batch.Logs)
        {
            if (flow is null || ReferenceEquals(flow.Market, last) || ids.ContainsKey(flow.Market)) continue;
            last = flow.Market;
            ids[flow.Market] = NameId(connection, "flow_markets", "name", flow.Market);
        }
        return ids;
    }

    // The signature ids of the batch's first topics, by the topic as the log has it (a topic in upper-case hex shares the id
    // of its lower-case form, which is what is stored and read back). A first topic that is not 0x and 64 hex digits gets no
    // id: DuckDbFlowRows refuses its log by name.
    private static Dictionary<string, int> SignatureIds(DuckDBConnection connection, FlowLogBatch batch)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        foreach (var (log, _) in batch.Logs)
        {
            if (log.Topics.Count == 0) continue;
            var topic = log.Topics[0];
            if (ReferenceEquals(topic, last) || ids.ContainsKey(topic)) continue;
            last = topic;
            if (topic.Length == 66 && topic.StartsWith("0x", StringComparison.Ordinal) && !topic.AsSpan(2).ContainsAnyExcept(HexDigits))
                ids[topic] = NameId(connection, "flow_signatures", "topic", topic.ToLowerInvariant());
        }
        if (ids.Count > 0 && ids.Values.Max() > ushort.MaxValue)
            throw new ForecasterException($"The store holds more than {ushort.MaxValue} event signatures; ingest into a new store file. Nothing of the batch was written.");
        return ids;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    // The id of a name in a (id, name) table, a new one the first time, inside the batch's transaction. Ids are only ever added.
    private static int NameId(DuckDBConnection connection, string table, string column, string name)
    {
        using (var insert = DuckDbSchema.Command(connection,
            $"INSERT INTO {table} SELECT (SELECT coalesce(max(id), 0) + 1 FROM {table}), $name WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {column} = $name)", ("name", name)))
        {
            insert.ExecuteNonQuery();
        }
        using var select = DuckDbSchema.Command(connection, $"SELECT id FROM {table} WHERE {column} = $name", ("name", name));
        return Convert.ToInt32(select.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DuckDBCommand StreamCommand(DuckDBConnection connection, string sql, string chain, string source) =>
        DuckDbSchema.Command(connection, sql, ("chain", chain), ("source", source));

    /// <summary>SQL for the stream id of ($chain, $source), for use as a subquery.</summary>
    internal const string StreamOf = "SELECT id FROM flow_streams WHERE chain = $chain AND source = $source";

    private const string StreamsOfChain = "SELECT id FROM flow_streams WHERE chain = $chain";

    // A (tx_hash, log_index) of the canonical chain lives in one block, and logs of blocks that left the chain are rolled back
    // before their range is read again; so comparing with stored logs of the batch's block range keeps the key unique (across
    // all sources of the chain), and the block filter lets DuckDB skip every row group outside that range (rows arrive in
    // block order).
    private static long Merge(DuckDBConnection connection, string chain)
    {
        using var command = DuckDbSchema.Command(connection, $"""
            INSERT INTO flow_events
            SELECT s.* FROM staging_flow_events s
            WHERE NOT EXISTS (
                SELECT 1 FROM flow_events f
                WHERE f.stream IN ({StreamsOfChain})
                  AND f.block BETWEEN (SELECT min(block) FROM staging_flow_events) AND (SELECT max(block) FROM staging_flow_events)
                  AND f.tx_hash_hi = s.tx_hash_hi AND f.tx_hash_lo = s.tx_hash_lo AND f.log_index = s.log_index)
            """, ("chain", chain));
        return command.ExecuteNonQuery();
    }

    private static bool AnyStored(DuckDBConnection connection, string chain, long fromBlock, long toBlock) =>
        AnyBetween(connection, $"SELECT 1 FROM flow_events WHERE stream IN ({StreamsOfChain}) AND block BETWEEN $from AND $to", chain, fromBlock, toBlock);

    // Whether a query over ($chain, $from, $to) finds any row.
    private static bool AnyBetween(DuckDBConnection connection, string query, string chain, long fromBlock, long toBlock)
    {
        using var command = DuckDbSchema.Command(connection, $"SELECT EXISTS ({query})", ("chain", chain), ("from", fromBlock), ("to", toBlock));
        return command.ExecuteScalar() is true;
    }
}
