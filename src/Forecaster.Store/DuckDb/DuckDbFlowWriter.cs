using DuckDB.NET.Data;
using Forecaster.Flows;

namespace Forecaster.Store.DuckDb;

/// <summary>The writes behind <see cref="DuckDbFlowEventStore"/>, each in one transaction.</summary>
internal static class DuckDbFlowWriter
{
    public static FlowAppendResult Append(DuckDBConnection connection, FlowLogBatch batch)
    {
        var source = batch.Checkpoint.Source;
        using var transaction = connection.BeginTransaction();
        try
        {
            long inserted;
            if (batch.Logs.Count == 0)
            {
                inserted = 0;
            }
            else if (!AnyStored(connection, batch.Checkpoint.Chain, batch.Logs.Min(l => l.Log.Block), batch.Logs.Max(l => l.Log.Block)))
            {
                // The common case, a range past the checkpoint: nothing to compare with, so append straight into the table.
                inserted = AppendLogs(connection, "flow_events", batch.Logs, (batch.Checkpoint.Chain, source));
            }
            else
            {
                DuckDbSchema.Execute(connection, "CREATE TABLE staging_flow_events AS SELECT * EXCLUDE (chain, source) FROM flow_events LIMIT 0;");
                AppendLogs(connection, "staging_flow_events", batch.Logs, null);
                inserted = Merge(connection, batch.Checkpoint.Chain, source);
                DuckDbSchema.Execute(connection, "DROP TABLE staging_flow_events;");
            }
            AppendBlocks(connection, batch.Blocks);
            SetCheckpoint(connection, batch.Checkpoint);
            transaction.Commit();
            return new FlowAppendResult(inserted, batch.Logs.Count - inserted);
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    public static long Rollback(DuckDBConnection connection, string chain, string source, long fromBlock, ChainCheckpoint? newCheckpoint)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            long removed;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "DELETE FROM flow_events WHERE chain = $chain AND source = $source AND block >= $from";
                command.Parameters.Add(new DuckDBParameter("chain", chain));
                command.Parameters.Add(new DuckDBParameter("source", DuckDbHexText.Pack(source)));
                command.Parameters.Add(new DuckDBParameter("from", fromBlock));
                removed = command.ExecuteNonQuery();
            }
            using (var command = connection.CreateCommand())
            {
                // The chain no longer has these blocks, whichever source they were stored for.
                command.CommandText = "DELETE FROM chain_blocks WHERE chain = $chain AND number >= $from";
                command.Parameters.Add(new DuckDBParameter("chain", chain));
                command.Parameters.Add(new DuckDBParameter("from", fromBlock));
                command.ExecuteNonQuery();
            }
            if (newCheckpoint is null)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM chain_checkpoints WHERE chain = $chain AND source = $source";
                command.Parameters.Add(new DuckDBParameter("chain", chain));
                command.Parameters.Add(new DuckDBParameter("source", source));
                command.ExecuteNonQuery();
            }
            else
            {
                SetCheckpoint(connection, newCheckpoint);
            }
            transaction.Commit();
            return removed;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    private static void SetCheckpoint(DuckDBConnection connection, ChainCheckpoint checkpoint)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO chain_checkpoints VALUES ($chain, $source, $block, $hash)";
        command.Parameters.Add(new DuckDBParameter("chain", checkpoint.Chain));
        command.Parameters.Add(new DuckDBParameter("source", checkpoint.Source));
        command.Parameters.Add(new DuckDBParameter("block", checkpoint.Block));
        command.Parameters.Add(new DuckDBParameter("hash", checkpoint.BlockHash));
        command.ExecuteNonQuery();
    }

    // Blocks go through the appender too: one INSERT per block would dominate the cost of a large batch.
    private static void AppendBlocks(DuckDBConnection connection, IReadOnlyList<ChainBlock> blocks)
    {
        if (blocks.Count == 0) return;
        DuckDbSchema.Execute(connection, "CREATE TABLE staging_chain_blocks AS SELECT * FROM chain_blocks LIMIT 0;");
        using (var appender = connection.CreateAppender("staging_chain_blocks"))
        {
            foreach (var block in blocks.DistinctBy(b => (b.Chain, b.Number)))
                appender.CreateRow().AppendValue(block.Chain).AppendValue(block.Number).AppendValue(block.Hash)
                    .AppendValue(block.Timestamp.ToUnixTimeSeconds()).EndRow();
        }
        DuckDbSchema.Execute(connection, "INSERT OR REPLACE INTO chain_blocks SELECT * FROM staging_chain_blocks; DROP TABLE staging_chain_blocks;");
    }

    // A (tx_hash, log_index) of the canonical chain lives in one block, and logs of blocks that left the chain are rolled back
    // before their range is read again; so comparing with stored logs of the batch's block range keeps the key unique, and the
    // block filter lets DuckDB skip every row group outside that range (rows arrive in block order).
    private static long Merge(DuckDBConnection connection, string chain, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO flow_events
            SELECT $chain, $source, s.* FROM staging_flow_events s
            WHERE NOT EXISTS (
                SELECT 1 FROM flow_events f
                WHERE f.chain = $chain AND f.block BETWEEN (SELECT min(block) FROM staging_flow_events) AND (SELECT max(block) FROM staging_flow_events)
                  AND f.tx_hash = s.tx_hash AND f.log_index = s.log_index)
            """;
        command.Parameters.Add(new DuckDBParameter("chain", chain));
        command.Parameters.Add(new DuckDBParameter("source", DuckDbHexText.Pack(source)));
        return command.ExecuteNonQuery();
    }

    private static bool AnyStored(DuckDBConnection connection, string chain, long fromBlock, long toBlock)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM flow_events WHERE chain = $chain AND block BETWEEN $from AND $to)";
        command.Parameters.Add(new DuckDBParameter("chain", chain));
        command.Parameters.Add(new DuckDBParameter("from", fromBlock));
        command.Parameters.Add(new DuckDBParameter("to", toBlock));
        return command.ExecuteScalar() is true;
    }

    // keyColumns: (chain, source) when appending to flow_events itself; null for the staging table, which has neither.
    private static long AppendLogs(DuckDBConnection connection, string table, IReadOnlyList<PoolLog> logs, (string Chain, string Source)? keyColumns)
    {
        // The same key twice in one batch is stored once (the first), as a second read of it would be. A batch is one chain's.
        var seen = new HashSet<(string, long)>(logs.Count);
        var source = keyColumns is { } k ? DuckDbHexText.Pack(k.Source) : null;
        long staged = 0;
        using var appender = connection.CreateAppender(table);
        foreach (var (log, flow) in logs)
        {
            if (!seen.Add((log.TransactionHash, log.LogIndex))) continue;
            var row = appender.CreateRow();
            if (keyColumns is { } key) row = row.AppendValue(key.Chain).AppendValue(source);
            row = row
                .AppendValue(DuckDbHexText.Pack(log.TransactionHash))
                .AppendValue(log.LogIndex)
                .AppendValue(log.Block)
                .AppendValue(DuckDbHexText.Pack(log.BlockHash))
                .AppendValue(log.Timestamp.ToUnixTimeSeconds())
                .AppendValue(DuckDbLogPayload.Pack(log.Topics, log.Data));
            row = flow is null
                ? row.AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue()
                : row.AppendValue(flow.Market).AppendValue((int)flow.Kind).AppendValue(flow.Amount).AppendValue(DuckDbHexText.Pack(flow.Account));
            row.EndRow();
            staged++;
        }
        return staged;
    }
}
