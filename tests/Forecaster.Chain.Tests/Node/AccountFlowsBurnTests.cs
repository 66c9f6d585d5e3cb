using Forecaster.Flows;
using Forecaster.Pipeline;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>
/// Deposits burned by liquidations and aToken repayments on a real node, ingested with the pool ingestor and read back from the
/// store as who holds the deposits: nothing but the pool's own events and the aTokens' Transfers tells the holders' balances.
/// </summary>
public sealed class AccountFlowsBurnTests : NodeTestBase
{
    [Fact]
    public async Task LoadAsync_TakesBurnedDeposits_OffTheLiquidatedUserAndTheRepayer_OnceEach()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var weth = await Pool.AddReserveAsync("WETH", 18);
        var sender = Pool.Sender.ToLowerInvariant();
        await Pool.SupplyAsync(weth, Units(10m, 18), Alice);
        await Pool.SupplyAsync(weth, Units(4m, 18), Bob);
        await Pool.SupplyAsync(usdc, 1_000_000_000, sender);
        await Pool.SupplyAsync(usdc, 300_000_000, Alice);
        await Pool.BorrowAsync(usdc, 600_000_000, Alice);
        // Alice loses 3 WETH of collateral paid out in the underlying (burned) and 0.1 to the treasury as the protocol's fee.
        var burned = await Pool.LiquidateAsync(weth, usdc, Alice, 100_000_000, Units(3m, 18), receiveAToken: false, Treasury, Units(0.1m, 18));
        // Bob loses 1.5 WETH taken by the liquidator (the sender) as aTokens, and 0.05 to the treasury: transfers only.
        await Pool.LiquidateAsync(weth, usdc, Bob, 50_000_000, Units(1.5m, 18), receiveAToken: true, Treasury, Units(0.05m, 18));
        // The sender repays 200 of Alice's debt with its own aTokens, then 100 with the asset.
        var repaid = await Pool.RepayAsync(usdc, 200_000_000, Alice, useATokens: true);
        await Pool.RepayAsync(usdc, 100_000_000, Alice, useATokens: false);
        // Bob, left with 2.45, is liquidated for 5 paid out in the underlying: more than the book knows he holds.
        await Pool.LiquidateAsync(weth, usdc, Bob, 20_000_000, Units(5m, 18));
        var report = await IngestAsync();
        Assert.All(report.TransferChecks, c => Assert.Empty(c.Mismatches)); // the mock's Transfers agree with its events

        var accountFlows = await AccountFlows.LoadAsync(Flows, "anvil", Pool.Address, Ct);
        var wethFlows = await accountFlows.ReadAsync("aave_v3_weth", Ct).ToListAsync(Ct);
        var usdcFlows = await accountFlows.ReadAsync("aave_v3_usdc", Ct).ToListAsync(Ct);
        Assert.Equal([Alice, "", Bob], wethFlows.Where(f => f.Kind == FlowKind.Liquidation).Select(f => f.DepositsBurnedFrom));
        Assert.Equal(Alice, Assert.Single(wethFlows, f => f.TransactionHash == burned["transactionHash"]!.GetValue<string>() && f.Kind == FlowKind.Liquidation).Account);
        Assert.Equal([sender, ""], usdcFlows.Where(f => f.Kind == FlowKind.Repay).Select(f => f.DepositsBurnedFrom));
        Assert.Equal(Alice, Assert.Single(usdcFlows, f => f.TransactionHash == repaid["transactionHash"]!.GetValue<string>() && f.Kind == FlowKind.Repay).Account);

        var end = new[] { wethFlows[^1].Timestamp, usdcFlows[^1].Timestamp }.Max().AddSeconds(1);
        var wethHolders = (await accountFlows.SeriesAsync("aave_v3_weth", [end], Ct))[0];
        // Alice 10 - 3 - 0.1; the sender 1.5 taken as aTokens; the treasury 0.1 + 0.05; Bob 4 - 1.5 - 0.05 - 5, floored at zero.
        Assert.Equal(new[] { 6.9m, 1.5m, 0.15m }, wethHolders.Largest);
        Assert.Equal(8.55m, wethHolders.KnownDeposits);
        Assert.Equal((2.55m, 0m), (wethHolders.UnmatchedWithdrawals, wethHolders.UnmatchedTransfers));
        Assert.Equal(6.9 / 8.55, wethHolders.Top1Share, 12);
        Assert.Equal((6.9 * 6.9 + 1.5 * 1.5 + 0.15 * 0.15) / (8.55 * 8.55), wethHolders.Hhi, 12);

        var usdcHolders = (await accountFlows.SeriesAsync("aave_v3_usdc", [end], Ct))[0];
        // The sender 1,000 - 200 burned by its repayment; Alice's 300 untouched by repayments of her debt.
        Assert.Equal(new[] { 800m, 300m }, usdcHolders.Largest);
        Assert.Equal(800.0 / 1100, usdcHolders.Top1Share, 12);
        Assert.Equal((0m, 0m), (usdcHolders.UnmatchedWithdrawals, usdcHolders.UnmatchedTransfers));
    }
}
