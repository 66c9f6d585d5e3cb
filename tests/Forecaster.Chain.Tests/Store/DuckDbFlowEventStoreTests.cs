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
}
