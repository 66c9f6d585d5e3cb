using System.Numerics;
using Forecaster.Flows;
using Xunit;

namespace Forecaster.Chain.Tests.Store;

/// <summary>Saved aggregation points in the DuckDB flow store: exact round trips, how many are kept, and reorg rollback.</summary>
public sealed class DuckDbAggregationPointTests : FlowStoreTestBase
{
    private const string OtherPool = "0x00000000000000000000000000000000000000b2";
    private const string Usdc = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    private const string Weth = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static readonly BigInteger Max256 = BigInteger.Pow(2, 256) - 1;

    private static ReserveAggregation Reserve(string asset, string market, BigInteger scaled, decimal deposits = 0m, DateTimeOffset? hour = null, ReserveBalance? pending = null) =>
        new(asset, market, 6, scaled, -scaled / 3, BigInteger.Parse("1000000000000000000000000001"), Max256, 0, BigInteger.One, 1_900_000_000, true, hour,
            0.000001m, deposits, 1m, 2.50m, 0m, 42, pending);

    private static AggregationPoint Point(long block, string source = Pool, string chain = Chain, params ReserveAggregation[] reserves) =>
        new(chain, source, block, 1, "aave_v3", reserves.Length > 0 ? reserves : [Reserve(Usdc, "aave_v3_usdc", block)]);

    [Fact]
    public async Task GetAggregationAsync_ReturnsTheNewestPoint_ExactlyAsSaved()
    {
        var hour = new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.Zero);
        var pending = new ReserveBalance(Chain, Pool, Weth, 99, 123.000000000000000001m, 79_228_162_514.264337593543950335m);
        var saved = Point(100, Pool, Chain,
            Reserve(Usdc, "aave_v3_usdc", Max256, 79_228_162_514_264_337_593_543_950_335m, hour),
            Reserve(Weth, "aave_v3_weth", -BigInteger.Pow(2, 200), -0.000000000000000000000000001m, null, pending));
        await Store.SaveAggregationAsync(Point(90), keep: 4, Ct);
        await Store.SaveAggregationAsync(saved, keep: 4, Ct);

        var read = await Store.GetAggregationAsync(Chain, Pool, Ct);

        Assert.NotNull(read);
        Assert.Equal((saved.Chain, saved.Source, saved.Block, saved.Format, saved.MarketPrefix), (read.Chain, read.Source, read.Block, read.Format, read.MarketPrefix));
        Assert.Equal(saved.Reserves, read.Reserves); // 256-bit and negative integers, 28-digit decimals, nulls
        Assert.Equal("2.50", read.Reserves[0].Borrows.ToString(System.Globalization.CultureInfo.InvariantCulture)); // the scale too
        Assert.Null(await Store.GetAggregationAsync(Chain, OtherPool, Ct));
    }

    [Fact]
    public async Task SaveAggregationAsync_KeepsTheNewestPoints_AndReplacesOneOfTheSameBlock()
    {
        foreach (var block in new long[] { 10, 20, 30, 40 }) await Store.SaveAggregationAsync(Point(block), keep: 3, Ct);
        await Store.SaveAggregationAsync(Point(40, Pool, Chain, Reserve(Usdc, "aave_v3_usdc", 7), Reserve(Weth, "aave_v3_weth", 8)), keep: 3, Ct);

        Assert.Equal(2, (await Store.GetAggregationAsync(Chain, Pool, Ct))!.Reserves.Count); // replaced, not added to
        // Rolling back 40 and 30 leaves 20; 10 was dropped when the fourth point came.
        await Store.RollbackAsync(Chain, 30, null, Ct);
        Assert.Equal(20, (await Store.GetAggregationAsync(Chain, Pool, Ct))!.Block);
        await Store.RollbackAsync(Chain, 20, null, Ct);
        Assert.Null(await Store.GetAggregationAsync(Chain, Pool, Ct));
    }

    [Fact]
    public async Task RollbackAsync_RemovesPointsAtOrPastTheFork_OfEverySourceOfTheChainOnly()
    {
        await Store.SaveAggregationAsync(Point(50), keep: 4, Ct);
        await Store.SaveAggregationAsync(Point(60), keep: 4, Ct);
        await Store.SaveAggregationAsync(Point(60, OtherPool, Chain, Reserve(Usdc, "pool_b_usdc", 1)), keep: 4, Ct);
        await Store.SaveAggregationAsync(Point(40, OtherPool, Chain, Reserve(Usdc, "pool_b_usdc", 1)), keep: 4, Ct);
        await Store.SaveAggregationAsync(Point(60, Pool, "base"), keep: 4, Ct);

        await Store.RollbackAsync(Chain, 60, new ChainBlock(Chain, 59, "0x" + new string('5', 64), DateTimeOffset.UnixEpoch), Ct);

        Assert.Equal(50, (await Store.GetAggregationAsync(Chain, Pool, Ct))!.Block);     // 60 held the removed block
        Assert.Equal(40, (await Store.GetAggregationAsync(Chain, OtherPool, Ct))!.Block);
        Assert.Equal(60, (await Store.GetAggregationAsync("base", Pool, Ct))!.Block);     // another chain did not reorganise
    }

    [Fact]
    public async Task ClearAggregationAsync_RemovesOnlyThatSourcesPoints()
    {
        await Store.SaveAggregationAsync(Point(50), keep: 4, Ct);
        await Store.SaveAggregationAsync(Point(50, OtherPool, Chain, Reserve(Usdc, "pool_b_usdc", 1)), keep: 4, Ct);

        await Store.ClearAggregationAsync(Chain, Pool, Ct);

        Assert.Null(await Store.GetAggregationAsync(Chain, Pool, Ct));
        Assert.NotNull(await Store.GetAggregationAsync(Chain, OtherPool, Ct));
    }

    [Fact]
    public async Task FindMarketWriterAsync_NamesAnotherPoolWritingTheMarket_NotTheAskingOne()
    {
        await Store.SaveAggregationAsync(Point(50), keep: 4, Ct);

        Assert.Null(await Store.FindMarketWriterAsync("aave_v3_usdc", Chain, Pool, Ct));
        Assert.Equal((Chain, Pool), await Store.FindMarketWriterAsync("aave_v3_usdc", Chain, OtherPool, Ct));
        Assert.Null(await Store.FindMarketWriterAsync("aave_v3_weth", Chain, OtherPool, Ct));
    }

    [Fact]
    public async Task GetLogsAfterAsync_ReturnsOnlyLaterLogs_InChainOrder()
    {
        var logs = new[] { 5L, 6, 6, 9 }.Select((block, i) => Log(block, i)).ToArray();
        await Store.AppendAsync(new FlowLogBatch(
            logs.Select(l => new ChainBlock(Chain, l.Log.Block, l.Log.BlockHash, l.Log.Timestamp)).DistinctBy(b => b.Number).ToList(),
            logs, new ChainCheckpoint(Chain, Pool, 9, H(9))), Ct);

        var after = await Store.GetLogsAfterAsync(Chain, Pool, 5, Ct);

        Assert.Equal([(6L, 1L), (6L, 2L), (9L, 3L)], after.Select(l => (l.Log.Block, l.Log.LogIndex)).ToList());
        Assert.Equal(4, (await Store.GetLogsAfterAsync(Chain, Pool, -1, Ct)).Count);
        Assert.Empty(await Store.GetLogsAfterAsync(Chain, Pool, 9, Ct));
    }

    private static PoolLog Log(long block, long index) => new(new ChainLog(Chain, block, H(block), H(1000 + index), index,
        DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + block * 12), Pool, [H(7)], [1]), null);
}
