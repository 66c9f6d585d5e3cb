using System.Numerics;
using Forecaster.Markets;
using Forecaster.Flows;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

public sealed class PoolIngestorEventTests : NodeTestBase
{
    [Fact]
    public async Task RunAsync_StoresEveryEventKind_WithAmountsAndAccounts()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var weth = await Pool.AddReserveAsync("WETH", 18);
        var supply = await Pool.SupplyAsync(usdc, 1_000_500_000, Alice);            // 1000.5 USDC
        await Pool.WithdrawAsync(usdc, 200_000_000, Alice);                          // 200 USDC
        await Pool.SupplyAsync(weth, Units(10m, 18), Alice);                         // 10 WETH
        await Pool.BorrowAsync(usdc, 300_000_000, Alice);                            // 300 USDC
        await Pool.RepayAsync(usdc, 100_000_000, Alice, useATokens: false);          // 100 USDC
        await Pool.LiquidateAsync(weth, usdc, Alice, 50_000_000, Units(0.03m, 18));  // 50 USDC debt, 0.03 WETH seized
        await Pool.FlashLoanAsync(Alice, usdc, 1_000_000_000);                       // 1000 USDC, premium 0.5
        await Pool.SetRatesAsync(usdc, BigInteger.Parse("30000000000000000000000000"), BigInteger.Parse("50000000000000000000000000")); // 3 %, 5 % from the tip on

        var report = await IngestAsync();

        var logs = await Flows.GetLogsAsync("anvil", Pool.Address, Ct);
        var flows = logs.Where(l => l.Flow is not null && l.Flow.Kind != FlowKind.ATokenTransfer).Select(l => l.Flow!).ToList();
        Assert.Equal(7, flows.Count);
        // One ReserveDataUpdated per reserve each call updates: two for the liquidation (debt and collateral), one for the
        // flash loan (its premium raises the liquidity index), one for the rate change; and 4 aToken Transfers: the two
        // supplies' mints, the withdrawal's and the liquidated collateral's burns.
        Assert.Equal(9, logs.Count(l => l.Flow is null));
        Assert.Equal(4, logs.Count(l => l.Flow?.Kind == FlowKind.ATokenTransfer));
        var sender = Pool.Sender.ToLowerInvariant();
        Assert.Equal(
            [
                (FlowKind.Supply, "aave_v3_usdc", 1000.5m, Alice),
                (FlowKind.Withdraw, "aave_v3_usdc", 200m, sender),
                (FlowKind.Supply, "aave_v3_weth", 10m, Alice),
                (FlowKind.Borrow, "aave_v3_usdc", 300m, Alice),
                (FlowKind.Repay, "aave_v3_usdc", 100m, Alice),
                (FlowKind.Liquidation, "aave_v3_weth", 0.03m, Alice),
                (FlowKind.FlashLoan, "aave_v3_usdc", 1000m, sender),
            ],
            flows.Select(f => (f.Kind, f.Market, f.Amount, f.Account)).ToList());
        var first = logs.First(l => l.Flow?.Kind == FlowKind.Supply);
        Assert.Equal(supply["transactionHash"]!.GetValue<string>(), first.Log.TransactionHash);
        Assert.Equal(report.Inserted, logs.Count);
        Assert.Empty(report.Rejected);

        // Event-built state equals the pool's own (its token supplies), so reconciliation finds nothing.
        Assert.Equal(2, report.Drifts.Count);
        Assert.All(report.Drifts, d => Assert.True(d.Agrees, d.ToString()));
        var usdcDrift = report.Drifts.Single(d => d.Market == "aave_v3_usdc");
        Assert.Equal(801m, usdcDrift.SuppliedFromEvents);  // 1000.5 - 200 + 0.5 premium (through the index; no time passes at 0 %)
        Assert.Equal(150m, usdcDrift.BorrowedFromEvents);  // 300 - 100 - 50

        var wethHours = await Markets.GetHoursAsync("aave_v3_weth", cancellationToken: Ct);
        var last = wethHours[^1];
        Assert.Equal(9.97 * 2000, last.SuppliedUsd, 6);
        Assert.Equal(0.03 * 2000, wethHours.Sum(h => h.LiquidationsUsd), 6);
        var usdcLast = (await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct))[^1];
        Assert.Equal(801, usdcLast.SuppliedUsd, 6);
        Assert.Equal(150, usdcLast.BorrowedUsd, 6);
        Assert.Equal(3.0, usdcLast.SupplyRatePct, 9);  // 3e25 ray = 3 %
        Assert.Equal(5.0, usdcLast.BorrowRatePct, 9);
        // Gross flows over all hours: the liquidation's repaid debt is not a repayment and the flash loan is no flow.
        var usdcFlows = (await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct)).Select(h => h.Flows!.Value).Aggregate((a, b) => a + b);
        Assert.Equal(new GrossFlows(1000.5, 200, 300, 100), usdcFlows);
    }

    [Fact]
    public async Task RunAsync_StoresEachEventOnce_WhenSameRangeIsReadTwice()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 5_000_000, Alice);
        await Pool.BorrowAsync(usdc, 1_000_000, Alice);
        var first = await IngestAsync();
        Assert.Equal(5, first.Inserted); // supply, borrow, their rate updates, the aToken mint

        // Move the checkpoint back to block 0 without deleting anything: the next run re-reads every block.
        var genesis = (await Node.Rpc.GetBlockAsync(0, Ct))!;
        await Flows.AppendAsync(new FlowLogBatch([], [], new ChainCheckpoint("anvil", Pool.Address, 0, genesis.Hash)), Ct);
        var second = await IngestAsync();

        Assert.Equal(0, second.Inserted);
        Assert.Equal(5, second.AlreadyStored);
        Assert.Equal(5, (await Flows.GetLogsAsync("anvil", Pool.Address, Ct)).Count);
        var drift = Assert.Single(second.Drifts);
        Assert.Equal(5m, drift.SuppliedFromEvents);
    }

    [Fact]
    public async Task RunAsync_ReadsNothingNew_WhenRunAgainFromCheckpoint()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 5_000_000, Alice);
        var first = await IngestAsync();
        var second = await IngestAsync();
        Assert.Equal(first.ToBlock + 1, second.FromBlock);
        Assert.Equal(0, second.LogsRead);
        Assert.Equal(3, (await Flows.GetLogsAsync("anvil", Pool.Address, Ct)).Count); // supply, rate update, aToken mint
    }

    [Fact]
    public async Task RunAsync_LeavesUnconfirmedBlocks_WhenConfirmationsSet()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 5_000_000, Alice);
        var tip = await Node.Rpc.GetBlockNumberAsync(Ct);
        var report = await IngestAsync(Options(confirmations: 1));
        Assert.Equal(tip - 1, report.ToBlock);
        Assert.Empty(await Flows.GetLogsAsync("anvil", Pool.Address, Ct)); // the supply is in the tip block
        await Node.MineAsync();
        report = await IngestAsync(Options(confirmations: 1));
        Assert.Equal(3, report.Inserted); // supply, rate update, aToken mint
    }

    [Fact]
    public async Task RunAsync_ReportsDrift_WhenPoolStateChangesWithoutEvent()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 10_000_000, Alice);
        await Pool.SkewSupplyAsync(usdc, 5_000_000);
        var report = await IngestAsync();
        var drift = Assert.Single(report.Drifts);
        Assert.False(drift.Agrees);
        Assert.Equal(5m, drift.SuppliedDrift);
        Assert.Equal(0m, drift.BorrowedDrift);
        Assert.Contains(Log, line => line.Contains("reconciliation: aave_v3_usdc") && line.Contains("DRIFT"));
    }

    [Fact]
    public async Task RunAsync_ComparesNothing_WhenReconciliationIsTurnedOff()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 10_000_000, Alice);
        await Pool.SkewSupplyAsync(usdc, 5_000_000);
        var report = await IngestAsync(Options(reconcile: false));
        Assert.Empty(report.Drifts);
        Assert.DoesNotContain(Log, line => line.Contains("reconciliation"));
        Assert.Equal(3, report.Inserted); // supply, rate update, aToken mint
        Assert.True(report.HoursWritten > 0);
    }

    [Fact]
    public async Task RunAsync_StartsFromPoolBalances_WhenFromBlockIsAfterDeployment()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);
        await Pool.BorrowAsync(usdc, 40_000_000, Alice);
        var start = await Node.Rpc.GetBlockNumberAsync(Ct) + 1;
        await Pool.SupplyAsync(usdc, 50_000_000, Alice);

        var report = await IngestAsync(Options(fromBlock: start));

        Assert.Equal(3, report.Inserted); // only the later supply, its rate update and its aToken mint
        var opening = Assert.Single(await Flows.GetOpeningBalancesAsync("anvil", Pool.Address, Ct));
        Assert.Equal(100m, opening.Supplied);
        Assert.Equal(40m, opening.Borrowed);
        var drift = Assert.Single(report.Drifts);
        Assert.True(drift.Agrees, drift.ToString());
        Assert.Equal(150m, drift.SuppliedFromEvents);
    }

    [Fact]
    public async Task RunAsync_WritesOneStatePerHour_FromBlockTimestamps()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var hour = new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.Zero);
        await Node.SetNextTimestampAsync(hour.AddMinutes(5));
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);
        await Node.SetNextTimestampAsync(hour.AddMinutes(50));
        await Pool.BorrowAsync(usdc, 30_000_000, Alice);
        // Nothing in 11:00; 12:00 has a withdrawal.
        await Node.SetNextTimestampAsync(hour.AddHours(2).AddMinutes(15));
        await Pool.WithdrawAsync(usdc, 20_000_000, Alice);

        await IngestAsync();

        var hours = await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct);
        Assert.Equal([hour, hour.AddHours(1), hour.AddHours(2)], hours.Select(h => h.Hour).ToList());
        Assert.Equal([100.0, 100.0, 80.0], hours.Select(h => h.SuppliedUsd).ToList());
        Assert.Equal([30.0, 30.0, 30.0], hours.Select(h => h.BorrowedUsd).ToList());
        Assert.Equal(hour.AddHours(1).AddSeconds(-1).ToUnixTimeSeconds(), hours[0].SnapshotTimestamp);
        // Gross flows per hour, not net changes: the empty hour has none, and each hour carries only its own events.
        Assert.Equal(
            [new GrossFlows(100, 0, 30, 0), GrossFlows.None, new GrossFlows(0, 20, 0, 0)],
            hours.Select(h => h.Flows).ToList());
    }

    [Fact]
    public async Task RunAsync_RefusesAsset_WhenItHasNoUsdPrice()
    {
        var link = await Pool.AddReserveAsync("LINK", 18);
        await Pool.SupplyAsync(link, 1, Alice);
        var ex = await Assert.ThrowsAsync<ForecasterException>(() => IngestAsync());
        Assert.Contains("--usd-price LINK=PRICE", ex.Message);
        Assert.Null(await Flows.GetCheckpointAsync("anvil", Pool.Address, Ct)); // nothing half-written
    }
}
