using Forecaster.Flows;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Chain.Tests.Store;

public sealed class DuckDbFlowEventStoreTests : IAsyncLifetime
{
    private const string Chain = "ethereum";
    private const string Pool = "0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2";
    private readonly TempDirectory _folder = new("forecaster-flowstore");
    private DuckDbFlowEventStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = DuckDbFlowEventStore.Open(_folder.File("flows.duckdb"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    private static string H(long n) => "0x" + n.ToString("x").PadLeft(64, '0');

    private static PoolLog Log(long block, long index, decimal? amount = 1.5m)
    {
        var log = new ChainLog(Chain, block, H(block), H(1000 + block * 10 + index), index, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + block * 12),
            Pool, [H(7), H(8)], [1, 2, 3]);
        var flow = amount is { } a ? new FlowEvent(Chain, log.TransactionHash, index, block, log.Timestamp, "aave_v3_usdc", FlowKind.Supply, a, "0xabc") : null;
        return new PoolLog(log, flow);
    }

    private static FlowLogBatch Batch(long toBlock, params PoolLog[] logs) => new(
        logs.Select(l => new ChainBlock(Chain, l.Log.Block, l.Log.BlockHash, l.Log.Timestamp)).Append(new ChainBlock(Chain, toBlock, H(toBlock), DateTimeOffset.UnixEpoch)).ToList(),
        logs, new ChainCheckpoint(Chain, Pool, toBlock, H(toBlock)));

    [Fact]
    public async Task AppendAsync_RoundTripsLogsAndFlows()
    {
        await _store.AppendAsync(Batch(10, Log(5, 0), Log(5, 1, amount: null), Log(9, 0, 123.000000000000000001m)), Ct);
        var logs = await _store.GetLogsAsync(Chain, Pool, Ct);
        Assert.Equal([(5L, 0L), (5L, 1L), (9L, 0L)], logs.Select(l => (l.Log.Block, l.Log.LogIndex)).ToList());
        Assert.Equal([H(7), H(8)], logs[0].Log.Topics);
        Assert.Equal([1, 2, 3], logs[0].Log.Data);
        Assert.Null(logs[1].Flow);
        Assert.Equal(123.000000000000000001m, logs[2].Flow!.Amount);
        Assert.Equal(new ChainCheckpoint(Chain, Pool, 10, H(10)), await _store.GetCheckpointAsync(Chain, Pool, Ct));
    }

    [Fact]
    public async Task AppendAsync_StoresEachKeyOnce_WhenBatchIsAppendedTwice()
    {
        var first = await _store.AppendAsync(Batch(10, Log(5, 0), Log(6, 0)), Ct);
        var second = await _store.AppendAsync(Batch(12, Log(5, 0), Log(6, 0), Log(11, 0), Log(11, 0)), Ct);
        Assert.Equal(new FlowAppendResult(2, 0), first);
        Assert.Equal(new FlowAppendResult(1, 3), second);
        Assert.Equal(3, (await _store.GetLogsAsync(Chain, Pool, Ct)).Count);
    }

    [Fact]
    public async Task AppendAsync_LeavesStoreUnchanged_WhenPartOfTheWriteFails()
    {
        await _store.AppendAsync(Batch(10, Log(5, 0)), Ct);
        // A null block hash violates NOT NULL in the checkpoint, the last write of the transaction.
        var broken = new FlowLogBatch([], [Log(11, 0)], new ChainCheckpoint(Chain, Pool, 12, null!));
        await Assert.ThrowsAnyAsync<Exception>(() => _store.AppendAsync(broken, Ct));
        Assert.Single(await _store.GetLogsAsync(Chain, Pool, Ct));
        Assert.Equal(10, (await _store.GetCheckpointAsync(Chain, Pool, Ct))!.Block);
    }

    [Fact]
    public async Task RollbackAsync_RemovesLogsAndBlocksFromBlockOn()
    {
        await _store.AppendAsync(Batch(20, Log(5, 0), Log(12, 0), Log(15, 0)), Ct);
        var removed = await _store.RollbackAsync(Chain, Pool, 12, new ChainCheckpoint(Chain, Pool, 11, H(11)), Ct);
        Assert.Equal(2, removed);
        Assert.Equal([5L], (await _store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Log.Block).ToList());
        Assert.Equal([5L], (await _store.GetBlocksAsync(Chain, 100, 10, Ct)).Select(b => b.Number).ToList());
        Assert.Equal(11, (await _store.GetCheckpointAsync(Chain, Pool, Ct))!.Block);
    }

    [Fact]
    public async Task SaveOpeningBalancesAsync_ReplacesEarlierBalanceOfSameAsset()
    {
        await _store.SaveOpeningBalancesAsync([new ReserveBalance(Chain, Pool, "0xa", 9, 100m, 40m)], Ct);
        await _store.SaveOpeningBalancesAsync([new ReserveBalance(Chain, Pool, "0xa", 9, 101.25m, 40m)], Ct);
        var balance = Assert.Single(await _store.GetOpeningBalancesAsync(Chain, Pool, Ct));
        Assert.Equal(101.25m, balance.Supplied);
    }

    [Fact]
    public async Task GetLogsAsync_ReturnsLogExactlyAsAppended_ThroughTheCompactBinaryColumns()
    {
        // Words with leading zeros, an all-zero word, a full 32-byte word and a data tail that is not a whole word all
        // pass through the compact payload; a non-hex transaction id, upper-case hex and an empty account keep their text.
        var full = "0x" + string.Concat(Enumerable.Repeat("ff", 32));
        byte[] data = [.. new byte[31], 7, .. new byte[32], .. Enumerable.Repeat((byte)0xee, 32), 0, 0, 9];
        var log = new ChainLog(Chain, 42, "0xABCDEF", "sim-tx-17", 3, DateTimeOffset.FromUnixTimeSeconds(1_700_000_504),
            Pool, [H(0), H(0x1234), full], data);
        var flow = new FlowEvent(Chain, log.TransactionHash, 3, 42, log.Timestamp, "aave_v3_usdc", FlowKind.Borrow, 0.000001m, "");
        var withAccount = Log(43, 0) with { Flow = Log(43, 0).Flow! with { Account = "0x00000000000000000000000000000000000000a1" } };
        await _store.AppendAsync(Batch(50, new PoolLog(log, flow), withAccount), Ct);

        var stored = await _store.GetLogsAsync(Chain, Pool, Ct);
        Assert.Equal(2, stored.Count);
        Assert.Equal(log with { Topics = stored[0].Log.Topics, Data = stored[0].Log.Data }, stored[0].Log);
        Assert.Equal(log.Topics, stored[0].Log.Topics);
        Assert.Equal(data, stored[0].Log.Data);
        Assert.Equal(flow, stored[0].Flow);
        Assert.Equal("0x00000000000000000000000000000000000000a1", stored[1].Flow!.Account);
    }

    [Fact]
    public async Task Open_RefusesStoreWithHashesAsText_NamingTheFile()
    {
        var path = _folder.File("old-layout.duckdb");
        await using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE flow_events (chain VARCHAR, source VARCHAR, tx_hash VARCHAR, log_index BIGINT)";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<ForecasterException>(() => DuckDbFlowEventStore.Open(path));
        Assert.Contains("older layout", error.Message);
        Assert.Contains("old-layout.duckdb", error.Message);
    }
}
