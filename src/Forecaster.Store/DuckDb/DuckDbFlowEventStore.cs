using DuckDB.NET.Data;
using Forecaster.Flows;
using Forecaster.Pipeline;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Chain logs, block hashes, checkpoints and opening balances in the embedded DuckDB file, beside the market hours.
/// Logs are keyed by (chain, tx_hash, log_index): a batch is appended to a staging table through DuckDB's appender (the
/// fast path) and merged with INSERT OR IGNORE, so re-reading a range stores nothing twice; every call is one transaction.
/// </summary>
public sealed class DuckDbFlowEventStore : IFlowEventStore
{
    private readonly DuckDBConnection _connection;
    private readonly bool _ownsConnection;
    // The market store whose connection this store uses (Attach), whose hours its transactions can write too; else null.
    private readonly DuckDbMarketStore? _markets;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private DuckDbFlowEventStore(DuckDBConnection connection, bool ownsConnection, DuckDbMarketStore? markets = null)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        _markets = markets;
        DuckDbFlowSchema.Ensure(connection);
        DuckDbAggregationPoints.Ensure(connection);
    }

    /// <summary>
    /// Uses the connection of an open market store (one DuckDB file holds both; DuckDB allows one writer process), so this
    /// store's transactions can write the market store's hours too (<see cref="SharesTransactionsWith"/>).
    /// </summary>
    public static DuckDbFlowEventStore Attach(DuckDbMarketStore marketStore)
    {
        ArgumentNullException.ThrowIfNull(marketStore);
        return new DuckDbFlowEventStore(marketStore.Connection, ownsConnection: false, marketStore);
    }

    /// <summary>
    /// A second connection to the market store's database: a service's workers then read flows while others read hours, each
    /// connection used by one caller at a time (a DuckDB connection must not run two queries at once). DuckDB.NET shares
    /// one database instance between the connections of a process to the same file, so this is no second writer process.
    /// Disposing it closes only this connection.
    /// </summary>
    public static DuckDbFlowEventStore AttachConcurrent(DuckDbMarketStore marketStore)
    {
        ArgumentNullException.ThrowIfNull(marketStore);
        var connection = new DuckDBConnection(marketStore.Connection.ConnectionString);
        try
        {
            connection.Open();
            return new DuckDbFlowEventStore(connection, ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens (creating if needed) a DuckDB file holding only the flow tables.</summary>
    /// <exception cref="ForecasterException">The file cannot be opened.</exception>
    public static DuckDbFlowEventStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var connection = new DuckDBConnection($"Data Source={full}");
        try
        {
            connection.Open();
            return new DuckDbFlowEventStore(connection, ownsConnection: true);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new ForecasterException($"Cannot open the store {path}: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <inheritdoc />
    public Task<FlowAppendResult> AppendAsync(FlowLogBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Locked(() => DuckDbFlowWriter.Append(_connection, batch), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IFlowAppendTransaction> BeginAppendAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return new DuckDbFlowAppendTransaction(_connection, _connection.BeginTransaction(), _gate, _markets);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public bool SharesTransactionsWith(IMarketStore markets) => _markets is not null && ReferenceEquals(markets, _markets);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> CountLogsByMarketAsync(string chain, string source, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyDictionary<string, long>>(() =>
        {
            using var command = Command($"""
                SELECT m.name, count(*) FROM flow_events f JOIN flow_markets m ON m.id = f.market
                WHERE f.stream = ({DuckDbFlowWriter.StreamOf}) GROUP BY m.name
                """, ("chain", chain), ("source", source));
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt64(1);
            return counts;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ChainCheckpoint?> GetCheckpointAsync(string chain, string source, CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            using var command = Command("SELECT block, block_hash FROM chain_checkpoints WHERE chain = $chain AND source = $source",
                ("chain", chain), ("source", source));
            using var reader = command.ExecuteReader();
            return reader.Read() ? new ChainCheckpoint(chain, source, reader.GetInt64(0), reader.GetString(1)) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ChainBlock>> GetBlocksAsync(string chain, long atOrBelow, int limit, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<ChainBlock>>(() =>
        {
            using var command = Command("SELECT number, hash, ts FROM chain_blocks WHERE chain = $chain AND number <= $n ORDER BY number DESC LIMIT $limit",
                ("chain", chain), ("n", atOrBelow), ("limit", limit));
            using var reader = command.ExecuteReader();
            var blocks = new List<ChainBlock>();
            while (reader.Read())
                blocks.Add(new ChainBlock(chain, reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2))));
            return blocks;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<long> RollbackAsync(string chain, long fromBlock, ChainBlock? ancestor, CancellationToken cancellationToken = default) =>
        Locked(() => DuckDbFlowWriter.Rollback(_connection, chain, fromBlock, ancestor), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PoolLog>> GetLogsAsync(string chain, string source, CancellationToken cancellationToken = default) =>
        Locked(() => DuckDbFlowReader.ReadLogs(_connection, chain, source, afterBlock: -1), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PoolLog>> GetLogsAfterAsync(string chain, string source, long afterBlock, CancellationToken cancellationToken = default) =>
        Locked(() => DuckDbFlowReader.ReadLogs(_connection, chain, source, afterBlock), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AccountFlowSource>> GetAccountFlowSourcesAsync(CancellationToken cancellationToken = default) =>
        Locked(() => DuckDbFlowReader.ReadAccountFlowSources(_connection), cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<PoolLog> ReadLogsAsync(string chain, string source, string market, IReadOnlyCollection<FlowKind> kinds, DateTimeOffset? before = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(kinds);
        // The gate is held while the caller reads: the connection serves one query at a time.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var log in DuckDbFlowReader.StreamLogs(_connection, chain, source, new DuckDbFlowReader.LogFilter(Market: market, Kinds: kinds, Before: before)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return log;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task SaveAggregationAsync(AggregationPoint point, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Locked(() =>
        {
            DuckDbAggregationPoints.Save(_connection, point, keep);
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AggregationPoint?> GetAggregationAsync(string chain, string source, CancellationToken cancellationToken = default) =>
        Locked(() => DuckDbAggregationPoints.Newest(_connection, chain, source), cancellationToken);

    /// <inheritdoc />
    public Task ClearAggregationAsync(string chain, string source, CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            DuckDbAggregationPoints.Clear(_connection, chain, source);
            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<(string Chain, string Source)?> FindMarketWriterAsync(string market, string chain, string source, CancellationToken cancellationToken = default) =>
        Locked(() => DuckDbAggregationPoints.FindMarketWriter(_connection, market, chain, source), cancellationToken);

    /// <inheritdoc />
    public Task SaveOpeningBalancesAsync(IReadOnlyList<ReserveBalance> balances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(balances);
        return Locked(() =>
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var b in balances)
            {
                using var command = Command("INSERT OR REPLACE INTO chain_reserve_openings VALUES ($chain, $source, $asset, $block, $supplied, $borrowed)",
                    ("chain", b.Chain), ("source", b.Source), ("asset", b.Asset), ("block", b.Block), ("supplied", b.Supplied), ("borrowed", b.Borrowed));
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReserveBalance>> GetOpeningBalancesAsync(string chain, string source, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<ReserveBalance>>(() =>
        {
            using var command = Command("SELECT asset, block, supplied, borrowed FROM chain_reserve_openings WHERE chain = $chain AND source = $source ORDER BY asset",
                ("chain", chain), ("source", source));
            using var reader = command.ExecuteReader();
            var balances = new List<ReserveBalance>();
            while (reader.Read())
                balances.Add(new ReserveBalance(chain, source, reader.GetString(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetDecimal(3)));
            return balances;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_ownsConnection) _connection.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private DuckDBCommand Command(string sql, params (string Name, object? Value)[] parameters) =>
        DuckDbSchema.Command(_connection, sql, parameters);

    private async Task<T> Locked<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try { return work(); }
        finally { _gate.Release(); }
    }
}
