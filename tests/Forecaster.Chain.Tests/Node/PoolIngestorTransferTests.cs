using Forecaster.Flows;
using Forecaster.Markets;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>The ERC-20 Transfer logs of the reserves' aTokens, read beside the Pool events and cross-checked with them.</summary>
public sealed class PoolIngestorTransferTests : NodeTestBase
{
    private const string Zero = "0x0000000000000000000000000000000000000000";

    [Fact]
    public async Task RunAsync_StoresATokenTransfers_AndCountsHolderTransfersAsNoFlow()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var supply = await Pool.SupplyAsync(usdc, 100_000_000, Alice);          // mint 100 to Alice
        await Pool.TransferATokensAsync(usdc, Alice, Bob, 30_000_000);          // 30 change hands
        await Pool.WithdrawAsync(usdc, 20_000_000, Alice);                      // burn 20 from the sender

        var report = await IngestAsync();

        var logs = await Flows.GetLogsAsync("anvil", Pool.Address, Ct);
        // Stored as flow events of their own kind in the reserve's market, not as deposits or withdrawals.
        var transfers = logs.Where(l => l.Flow?.Kind == FlowKind.ATokenTransfer).ToList();
        Assert.Equal(
            [("aave_v3_usdc", 100m, Alice), ("aave_v3_usdc", 30m, Alice), ("aave_v3_usdc", 20m, Pool.Sender.ToLowerInvariant())],
            transfers.Select(t => (t.Flow!.Market, t.Flow.Amount, t.Flow.Account)).ToList());
        // Keyed like the pool events: the mint sits in the supply's transaction, right before its Supply log.
        var supplyTx = supply["transactionHash"]!.GetValue<string>();
        var mint = transfers[0].Log;
        Assert.Equal(supplyTx, mint.TransactionHash);
        var supplyLog = logs.Single(l => l.Flow?.Kind == FlowKind.Supply).Log;
        Assert.Equal(supplyLog.LogIndex - 1, mint.LogIndex);

        var check = Assert.Single(report.TransferChecks);
        Assert.Equal("aave_v3_usdc", check.Market);
        Assert.Equal(3, check.Transfers);
        Assert.Equal(1, check.HolderTransfers);
        Assert.Equal(30m, check.HolderTransferred);
        Assert.Equal(0m, check.UnexplainedMinted);
        Assert.Empty(check.Mismatches);

        // The transfer between holders is no flow and moves no deposits.
        var hours = await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct);
        Assert.Equal(new GrossFlows(100, 20, 0, 0), hours.Select(h => h.Flows!.Value).Aggregate((a, b) => a + b));
        Assert.Equal(80, hours[^1].SuppliedUsd, 6);
        Assert.True(Assert.Single(report.Drifts).Agrees);
    }

    [Fact]
    public async Task RunAsync_ReportsMintsAndBurns_ThatNoPoolEventExplains()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);
        await Pool.TransferATokensAsync(usdc, Zero, Bob, 7_000_000);                             // a mint without Supply
        var burn = await Pool.TransferATokensAsync(usdc, Alice, Zero, 5_000_000);                // a burn without Withdraw

        var report = await IngestAsync();

        var check = Assert.Single(report.TransferChecks);
        Assert.Equal(7m, check.UnexplainedMinted);
        var mismatch = Assert.Single(check.Mismatches);
        Assert.Contains(burn["transactionHash"]!.GetValue<string>(), mismatch);
        Assert.Contains($"{Alice}'s USDC aToken mints and burns fall 5 short", mismatch);
        Assert.Contains(Log, line => line.StartsWith("aToken transfers: tx ") && line.Contains("fall 5 short"));
        Assert.Equal(0, check.HolderTransfers);
    }

    [Fact]
    public async Task RunAsync_ReadsOnlyPoolEvents_WhenATokenTransfersAreTurnedOff()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);

        var report = await IngestAsync(Options(aTokenTransfers: false));

        Assert.Equal(2, report.Inserted); // the Supply and its rate update, not the mint
        Assert.Empty(report.TransferChecks);
        Assert.DoesNotContain(await Flows.GetLogsAsync("anvil", Pool.Address, Ct), l => l.Flow?.Kind == FlowKind.ATokenTransfer);
    }
}
