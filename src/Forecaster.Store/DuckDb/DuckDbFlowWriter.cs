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
            DuckDbSchema.Execute(connection, "CREATE TABLE staging_flow_events AS SELECT * FROM flow_events LIMIT 0;");
            var staged = AppendStaging(connection, batch.Logs, source);
            long inserted;
            using (var merge = connection.CreateCommand())
            {
                merge.CommandText = "INSERT OR IGNORE INTO flow_events SELECT * FROM staging_flow_events";
                inserted = merge.ExecuteNonQuery();
            }
            DuckDbSchema.Execute(connection, "DROP TABLE staging_flow_events;");
            foreach (var block in batch.Blocks.DistinctBy(b => b.Number))
            {
                using var command = connection.CreateCommand();
                command.CommandText = "INSERT OR REPLACE INTO chain_blocks VALUES ($chain, $number, $hash, $ts)";
                command.Parameters.Add(new DuckDBParameter("chain", block.Chain));
                command.Parameters.Add(new DuckDBParameter("number", block.Number));
                command.Parameters.Add(new DuckDBParameter("hash", block.Hash));
                command.Parameters.Add(new DuckDBParameter("ts", block.Timestamp.ToUnixTimeSeconds()));
                command.ExecuteNonQuery();
            }
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
                command.Parameters.Add(new DuckDBParameter("source", source));
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

    private static long AppendStaging(DuckDBConnection connection, IReadOnlyList<PoolLog> logs, string source)
    {
        // The same key twice in one batch would make INSERT OR IGNORE's outcome depend on order; keep the first.
        var seen = new HashSet<(string, string, long)>(logs.Count);
        long staged = 0;
        using var appender = connection.CreateAppender("staging_flow_events");
        foreach (var (log, flow) in logs)
        {
            if (!seen.Add((log.Chain, log.TransactionHash, log.LogIndex))) continue;
            var row = appender.CreateRow()
                .AppendValue(log.Chain)
                .AppendValue(log.TransactionHash)
                .AppendValue(log.LogIndex)
                .AppendValue(log.Block)
                .AppendValue(log.BlockHash)
                .AppendValue(log.Timestamp.ToUnixTimeSeconds())
                .AppendValue(source);
            for (var i = 0; i < 4; i++)
                row = i < log.Topics.Count ? row.AppendValue(log.Topics[i]) : row.AppendNullValue();
            row = row.AppendValue(log.Data);
            row = flow is null
                ? row.AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue()
                : row.AppendValue(flow.Market).AppendValue((int)flow.Kind).AppendValue(flow.Amount).AppendValue(flow.Account);
            row.EndRow();
            staged++;
        }
        return staged;
    }
}
