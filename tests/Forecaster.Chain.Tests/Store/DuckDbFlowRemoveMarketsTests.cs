using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;
using Xunit;

namespace Forecaster.Chain.Tests.Store;

/// <summary>
/// <see cref="IFlowAppendTransaction.RemoveMarketsAsync"/> and <see cref="IFlowAppendTransaction.UpsertHoursAsync"/> on real
/// DuckDB files: only the named source's logs of the named markets go, what says a source was read goes only with its last
/// log, and hours join the transaction only of a flow store attached to their market store.
/// </summary>
public sealed class DuckDbFlowRemoveMarketsTests : FlowStoreTestBase
{
    private const string Other = "0x00000000000000000000000000000000000000b2", Usdc = "aave_v3_usdc", Dai = "aave_v3_dai";

    private static PoolLog Log(string source, long block, string market)
    {
        var log = new ChainLog(Chain, block, H(block), H(1000 + block), 0, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + block * 12), source, [H(7)], []);
        return new PoolLog(log, new FlowEvent(Chain, log.TransactionHash, 0, block, log.Timestamp, market, FlowKind.Supply, 1m, "0x" + new string('a', 40)));
    }

    private static FlowLogBatch Batch(string source, long toBlock, params PoolLog[] logs) => new(
        logs.Select(l => new ChainBlock(Chain, l.Log.Block, l.Log.BlockHash, l.Log.Timestamp)).ToList(), logs, new ChainCheckpoint(Chain, source, toBlock, H(toBlock)));

    private async Task<long> RemoveAsync(string source, params string[] markets)
    {
        await using var transaction = await Store.BeginAppendAsync(Ct);
        var removed = await transaction.RemoveMarketsAsync(Chain, source, markets, Ct);
        await transaction.CommitAsync(Ct);
        return removed;
    }

    [Fact]
    public async Task RemoveMarketsAsync_RemovesOnlyThatSourcesLogsOfThoseMarkets_AndKeepsItsCheckpointWhileLogsRemain()
    {
        await Store.AppendAsync(Batch(Pool, 10, Log(Pool, 5, Usdc), Log(Pool, 6, Usdc), Log(Pool, 7, Dai)), Ct);
        await Store.AppendAsync(Batch(Other, 12, Log(Other, 11, Usdc)), Ct);

        Assert.Equal(2, await RemoveAsync(Pool, Usdc, "aave_v3_unknown"));

        Assert.Equal(new Dictionary<string, long> { [Dai] = 1 }, await Store.CountLogsByMarketAsync(Chain, Pool, Ct));
        Assert.Equal(new Dictionary<string, long> { [Usdc] = 1 }, await Store.CountLogsByMarketAsync(Chain, Other, Ct));
        Assert.Equal(new ChainCheckpoint(Chain, Pool, 10, H(10)), await Store.GetCheckpointAsync(Chain, Pool, Ct));
        Assert.Equal([11L, 7L, 6L, 5L], (await Store.GetBlocksAsync(Chain, 100, 10, Ct)).Select(b => b.Number).ToList());
    }

    [Fact]
    public async Task RemoveMarketsAsync_RemovesTheCheckpointWithTheLastLog_AndTheBlocksOnlyWhenNoSourceOfTheChainIsLeft()
    {
        await Store.AppendAsync(Batch(Pool, 10, Log(Pool, 5, Usdc)), Ct);
        // A source that read a range with no logs: its checkpoint is what it read, and it relies on the chain's blocks.
        await Store.AppendAsync(Batch(Other, 12), Ct);

        Assert.Equal(1, await RemoveAsync(Pool, Usdc));
        Assert.Null(await Store.GetCheckpointAsync(Chain, Pool, Ct));
        Assert.Equal([5L], (await Store.GetBlocksAsync(Chain, 100, 10, Ct)).Select(b => b.Number).ToList());
        // Removing nothing leaves a source without logs as it is.
        Assert.Equal(0, await RemoveAsync(Other, Usdc));
        Assert.Equal(new ChainCheckpoint(Chain, Other, 12, H(12)), await Store.GetCheckpointAsync(Chain, Other, Ct));

        await Store.RollbackAsync(Chain, 0, null, Ct);
        await Store.AppendAsync(Batch(Pool, 10, Log(Pool, 5, Usdc)), Ct);
        Assert.Equal(1, await RemoveAsync(Pool, Usdc));
        Assert.Empty(await Store.GetBlocksAsync(Chain, 100, 10, Ct));
    }

    [Fact]
    public async Task RemoveMarketsAsync_RemovesNothing_WhenTheTransactionIsNotCommitted()
    {
        await Store.AppendAsync(Batch(Pool, 10, Log(Pool, 5, Usdc)), Ct);

        await using (var transaction = await Store.BeginAppendAsync(Ct))
            Assert.Equal(1, await transaction.RemoveMarketsAsync(Chain, Pool, [Usdc], Ct));

        Assert.Single(await Store.GetLogsAsync(Chain, Pool, Ct));
        Assert.NotNull(await Store.GetCheckpointAsync(Chain, Pool, Ct));
    }

    [Fact]
    public async Task UpsertHoursAsync_WritesHoursWithTheLogs_OnlyForTheMarketStoreTheFlowStoreIsAttachedTo()
    {
        var hour = new MarketHour(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), 100e6, 50e6, 0, 1, 2, DataQuality.None, 1_704_067_200, 0);
        var batch = new MarketBatch(new Market(Usdc, "aave-v3", Chain, "USDC", null, false), [hour]);
        await using var markets = DuckDbMarketStore.Open(Folder.File("markets.duckdb"));
        await using var attached = DuckDbFlowEventStore.Attach(markets);
        Assert.True(attached.SharesTransactionsWith(markets));
        Assert.False(Store.SharesTransactionsWith(markets));
        await using (var transaction = await Store.BeginAppendAsync(Ct))
            await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.UpsertHoursAsync([batch], Ct));

        // Not committed, neither the logs nor the hours are kept; committed, both are.
        foreach (var commit in (bool[])[false, true])
        {
            await using var transaction = await attached.BeginAppendAsync(Ct);
            await transaction.AppendAsync(Batch(Pool, 10, Log(Pool, 5, Usdc)), Ct);
            Assert.Equal(1, Assert.Single(await transaction.UpsertHoursAsync([batch], Ct)).Inserted);
            if (commit) await transaction.CommitAsync(Ct);
            else
            {
                await transaction.DisposeAsync();
                Assert.Empty(await markets.GetMarketsAsync(Ct));
                Assert.Empty(await attached.GetLogsAsync(Chain, Pool, Ct));
            }
        }
        var stored = Assert.Single(await markets.GetHoursAsync(Usdc, cancellationToken: Ct));
        Assert.Equal((hour.Hour, hour.SuppliedUsd, hour.BorrowedUsd), (stored.Hour, stored.SuppliedUsd, stored.BorrowedUsd));
        Assert.Single(await attached.GetLogsAsync(Chain, Pool, Ct));
    }
}
