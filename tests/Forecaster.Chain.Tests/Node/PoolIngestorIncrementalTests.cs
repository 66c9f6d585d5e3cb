using Forecaster.Chain.Ingestion;
using Forecaster.Markets;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>
/// Keeping a pool current: each run aggregates only the logs after the saved aggregation point, and the store ends up holding
/// exactly what one run over the whole history writes into a fresh store (compared hour by hour, every field, to the bit).
/// </summary>
public sealed class PoolIngestorIncrementalTests : NodeTestBase
{
    [Fact]
    public async Task RunAsync_SeveralRunsWithActivityBetween_WriteWhatOneFullRunWrites()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var weth = await Pool.AddReserveAsync("WETH", 18);
        await At(Hour.AddMinutes(1), () => Pool.SetRatesAsync(usdc, FourPct, TenPct));
        await At(Hour.AddMinutes(2), () => Pool.SetRatesAsync(weth, FourPct / 2, TenPct / 2));
        await At(Hour.AddMinutes(5), () => Pool.SupplyAsync(usdc, 1_000_000_000_000, Alice));            // 1,000,000 USDC
        await At(Hour.AddMinutes(6), () => Pool.SupplyAsync(weth, Units(100m, 18), Alice));
        var runs = new List<IngestReport> { await IngestAsync() };                                         // mid-hour 10:00
        await At(Hour.AddMinutes(20), () => Pool.BorrowAsync(usdc, 600_000_000_000, Alice));               // same hour, after the run
        await At(Hour.AddMinutes(40), () => Pool.WithdrawAsync(usdc, 1_234_567, Alice));
        runs.Add(await IngestAsync());                                                                     // 10:40, same hour again
        await At(Hour.AddHours(5).AddMinutes(3), () => Pool.RepayAsync(usdc, 100_000_000_000, Alice, useATokens: true));
        await At(Hour.AddHours(5).AddMinutes(4), () => Pool.LiquidateAsync(weth, usdc, Alice, 50_000_000, Units(0.03m, 18)));
        await At(Hour.AddHours(29), () => Pool.FlashLoanAsync(Alice, usdc, 2_000_000_000));
        await MineAtAsync(Hour.AddHours(29).AddMinutes(59));
        runs.Add(await IngestAsync());                                                                     // a day later
        await At(Hour.AddDays(3), () => Pool.MintToTreasuryAsync(usdc, "0x0000000000000000000000000000000000007ea5", 3_000_000));
        await At(Hour.AddDays(3).AddMinutes(1), () => Pool.SupplyAsync(usdc, 5_000_000, Alice));
        await MineAtAsync(Hour.AddDays(10).AddMinutes(30));
        runs.Add(await IngestAsync());                                                                     // quiet days carried

        // Each run after the first read only its new logs; none went back to the opening.
        Assert.Equal(1, Log.Count(l => l.StartsWith("aggregated all", StringComparison.Ordinal)));
        Assert.Equal(3, Log.Count(l => l.StartsWith("aggregated ", StringComparison.Ordinal) && l.Contains("after the saved point", StringComparison.Ordinal)));
        // The second run redid only 10:00 for both reserves; the fourth from 11:00 the day before on (the last partial hour on).
        Assert.Equal(2, runs[1].HoursWritten);
        var incremental = await HoursAsync(Markets);
        var (full, fullReport) = await FullRunAsync();
        Assert.Equal(["aave_v3_usdc", "aave_v3_weth"], incremental.Keys.Order(StringComparer.Ordinal));
        foreach (var (market, hours) in full)
        {
            Assert.Equal(Hour, hours[0].Hour);
            Assert.Equal(10 * 24 + 1, hours.Count);
            Assert.Equal(hours, incremental[market]); // every hour, every field, bit for bit
        }
        Assert.Equal(fullReport.Drifts, runs[^1].Drifts);
        Assert.All(runs[^1].Drifts, d => Assert.Equal((0m, 0m), (d.SuppliedDrift, d.BorrowedDrift)));  // and the pool agrees to the wei
        // 10:00 sums flows read in two runs: 1,000,000 + 600,000 borrowed, 1.234567 withdrawn.
        Assert.Equal(new GrossFlows(1_000_000, 1.234567, 600_000, 0), incremental["aave_v3_usdc"][0].Flows);
    }

    [Fact]
    public async Task RunAsync_TakesUpAReserveInitialisedAfterTheSavedPoint_WithItsATokenTransfers()
    {
        // The aToken list is read at the last block of each run's range, so a reserve initialised inside the range is listed
        // for the whole range; a resumed walk starts its state at its first event, as a walk from the opening does.
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await At(Hour.AddMinutes(5), () => Pool.SupplyAsync(usdc, 100_000_000, Alice));
        await IngestAsync();
        await At(Hour.AddMinutes(10), () => Pool.SupplyAsync(usdc, 1_000_000, Alice));
        var weth = await Pool.AddReserveAsync("WETH", 18);
        await At(Hour.AddHours(2), () => Pool.SupplyAsync(weth, Units(3m, 18), Alice));
        await MineAtAsync(Hour.AddHours(3));

        var second = await IngestAsync();

        Assert.Equal(1, Assert.Single(second.TransferChecks, c => c.Market == "aave_v3_weth").Transfers); // the mint of the new reserve
        Assert.Equal(1, Assert.Single(second.TransferChecks, c => c.Market == "aave_v3_usdc").Transfers);  // only this run's logs
        var (full, _) = await FullRunAsync();
        var incremental = await HoursAsync(Markets);
        Assert.Equal(full["aave_v3_weth"], incremental["aave_v3_weth"]);
        Assert.Equal(full["aave_v3_usdc"], incremental["aave_v3_usdc"]);
        Assert.Equal(Hour.AddHours(2), incremental["aave_v3_weth"][0].Hour);
    }

    [Fact]
    public async Task RunAsync_RerunWithNothingNew_RedoesOnlyTheLastHour()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await At(Hour.AddMinutes(5), () => Pool.SupplyAsync(usdc, 1_000_000_000, Alice));
        await MineAtAsync(Hour.AddDays(2));
        var first = await IngestAsync();
        var before = await HoursAsync(Markets);

        var again = await IngestAsync();

        Assert.Equal(2 * 24 + 1, first.HoursWritten);
        Assert.Equal(1, again.HoursWritten);
        Assert.Equal(0, again.LogsRead);
        Assert.Contains("aggregated 0 logs after the saved point at block " + first.ToBlock, Log);
        Assert.Equal(before["aave_v3_usdc"], (await HoursAsync(Markets))["aave_v3_usdc"]);
    }

    [Fact]
    public async Task RunAsync_ResumesFromTheLastPointBeforeTheFork_WhenAReorgReplacesAnAggregatedHour()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await At(Hour.AddMinutes(1), () => Pool.SetRatesAsync(usdc, FourPct, TenPct));
        await At(Hour.AddMinutes(5), () => Pool.SupplyAsync(usdc, 100_000_000_000, Alice));
        var forkPoint = await MineAtAsync(Hour.AddMinutes(10));
        var snapshot = await Node.SnapshotAsync();
        await IngestAsync();                                                            // point at the fork block, mid 10:00
        // The branch that will be replaced: a borrow later in 10:00 and a withdrawal in 11:00, aggregated by a second run.
        await At(Hour.AddMinutes(30), () => Pool.BorrowAsync(usdc, 40_000_000_000, Alice));
        await At(Hour.AddMinutes(70), () => Pool.WithdrawAsync(usdc, 7_000_000_000, Alice));
        await MineAtAsync(Hour.AddMinutes(80));
        await IngestAsync();
        Assert.Equal(40_000, (await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct))[0].Flows!.Value.BorrowsUsd, 6);

        await Node.RevertAsync(snapshot);
        await At(Hour.AddMinutes(35), () => Pool.SupplyAsync(usdc, 2_000_000_000, Alice));
        await At(Hour.AddMinutes(95), () => Pool.BorrowAsync(usdc, 1_000_000_000, Alice));
        await MineAtAsync(Hour.AddMinutes(100));
        await MineAtAsync(Hour.AddMinutes(101));
        var after = await IngestAsync();

        Assert.Equal(forkPoint + 1, after.ReorgFromBlock);
        Assert.Contains($"aggregated 5 logs after the saved point at block {forkPoint}", Log); // not the orphaned point, not from scratch
        var (full, fullReport) = await FullRunAsync();
        var hours = (await HoursAsync(Markets))["aave_v3_usdc"];
        Assert.Equal(full["aave_v3_usdc"], hours);
        Assert.Equal(new GrossFlows(102_000, 0, 0, 0), hours[0].Flows);  // the orphaned borrow is gone from 10:00
        Assert.Equal(new GrossFlows(0, 0, 1_000, 0), hours[1].Flows);    // and the orphaned withdrawal from 11:00
        Assert.Equal(fullReport.Drifts, after.Drifts);
        Assert.True(Assert.Single(after.Drifts).Agrees);
    }

    [Fact]
    public async Task RunAsync_AggregatesFromTheOpening_WhenNoSavedPointSurvivesTheReorg()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await At(Hour.AddMinutes(5), () => Pool.SupplyAsync(usdc, 100_000_000, Alice));
        var snapshot = await Node.SnapshotAsync();
        await At(Hour.AddMinutes(30), () => Pool.SupplyAsync(usdc, 9_000_000, Alice));
        await IngestAsync();                                                            // its only point is past the fork
        await Node.RevertAsync(snapshot);
        await At(Hour.AddMinutes(40), () => Pool.WithdrawAsync(usdc, 1_000_000, Alice));
        await MineAtAsync(Hour.AddMinutes(50));

        var after = await IngestAsync();

        Assert.NotNull(after.ReorgFromBlock);
        Assert.Equal(2, Log.Count(l => l.StartsWith("aggregated all", StringComparison.Ordinal)));
        Assert.Equal(99m, Assert.Single(after.Drifts).SuppliedFromEvents);
        Assert.Equal((await FullRunAsync()).Hours["aave_v3_usdc"], (await HoursAsync(Markets))["aave_v3_usdc"]);
    }

    [Fact]
    public async Task RunAsync_RefusesASavedPointOfAnotherMarketPrefix_AndReaggregateRebuildsIt()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await At(Hour.AddMinutes(5), () => Pool.SupplyAsync(usdc, 100_000_000, Alice));
        await IngestAsync();
        await At(Hour.AddMinutes(10), () => Pool.SupplyAsync(usdc, 5_000_000, Alice));

        var refused = await Assert.ThrowsAsync<ForecasterException>(() => IngestAsync(Options(marketPrefix: "renamed")));
        Assert.Contains("writes markets aave_v3_*, this run names them renamed_*", refused.Message);
        Assert.Contains("--reaggregate", refused.Message);
        Assert.DoesNotContain(await Markets.GetMarketsAsync(Ct), m => m.Name == "renamed_usdc"); // no hour written under the new name

        var rebuilt = await IngestAsync(new PoolIngestOptions { Chain = "anvil", Pool = Pool.Address, FromBlock = 0, Confirmations = 0, MarketPrefix = "renamed", Reaggregate = true });

        Assert.Equal(105m, Assert.Single(rebuilt.Drifts).SuppliedFromEvents);
        Assert.Contains("aggregated all 6 stored logs from the opening", Log);
        Assert.Equal(105, (await Markets.GetHoursAsync("renamed_usdc", cancellationToken: Ct))[^1].SuppliedUsd, 6);
    }

    [Fact]
    public async Task RunAsync_RefusesASecondPool_WritingTheSameMarkets()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var poolB = await MockPoolContract.DeployAsync(Node);
        var usdcB = await poolB.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);
        await poolB.SupplyAsync(usdcB, 1_000_000, Alice);
        await IngestAsync();
        var hoursA = await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<ForecasterException>(() => IngestAsync(Options(pool: poolB.Address)));

        Assert.Contains($"Market aave_v3_usdc is already written by pool {Pool.Address.ToLowerInvariant()} on anvil", refused.Message);
        Assert.Equal(hoursA, await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct)); // pool A's hours untouched
    }

    // Every market's hours in a store.
    private async Task<Dictionary<string, IReadOnlyList<MarketHour>>> HoursAsync(DuckDbMarketStore store)
    {
        var hours = new Dictionary<string, IReadOnlyList<MarketHour>>();
        foreach (var market in await store.GetMarketsAsync(Ct)) hours[market.Name] = await store.GetHoursAsync(market.Name, cancellationToken: Ct);
        return hours;
    }

    // One run over the whole chain into a fresh store: the reference the runs kept current must match.
    private async Task<(Dictionary<string, IReadOnlyList<MarketHour>> Hours, IngestReport Report)> FullRunAsync()
    {
        using var folder = new TempDirectory("forecaster-full-run");
        await using var markets = DuckDbMarketStore.Open(folder.File("full.duckdb"));
        await using var flows = DuckDbFlowEventStore.Attach(markets);
        using var rpc = Client();
        var report = await new PoolIngestor(rpc, flows, markets, Options(), null, markets).RunAsync(Ct);
        return (await HoursAsync(markets), report);
    }
}
