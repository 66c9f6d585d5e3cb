using System.Numerics;
using Forecaster.Markets;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>
/// Interest accrued between events, against the mock pool's own Aave v3 index arithmetic (computed on chain in Solidity):
/// the hourly states and reconciliation must include it to the wei.
/// </summary>
public sealed class PoolIngestorInterestTests : NodeTestBase
{
    [Fact]
    public async Task RunAsync_IncludesAccruedInterest_InEveryHourAndAtTheTip()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var (aToken, debtToken) = await Pool.TokensOfAsync(usdc);
        await At(Hour.AddMinutes(5), () => Pool.SetRatesAsync(usdc, FourPct, TenPct));
        await At(Hour.AddMinutes(10), () => Pool.SupplyAsync(usdc, 1_000_000_000_000, Alice));  // 1,000,000 USDC
        await At(Hour.AddMinutes(20), () => Pool.BorrowAsync(usdc, 600_000_000_000, Alice));    // 600,000 USDC
        // Blocks without events at the last second of 10:00 and 11:00, so the pool's own totals at those moments can be read.
        var endOf10 = await MineAtAsync(Hour.AddHours(1).AddSeconds(-1));
        var endOf11 = await MineAtAsync(Hour.AddHours(2).AddSeconds(-1));
        await At(Hour.AddHours(3).AddMinutes(30), () => Pool.WithdrawAsync(usdc, 100_000_000_000, Alice));
        await Node.IncreaseTimeAsync(TimeSpan.FromDays(30));
        await Node.MineAsync();
        var tip = await Node.Rpc.GetBlockNumberAsync(Ct);

        var report = await IngestAsync();

        var hours = await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct);
        Assert.Equal(Hour, hours[0].Hour);
        Assert.Equal(30 * 24 + 4, hours.Count);
        foreach (var (index, block) in new[] { (0, endOf10), (1, endOf11), (hours.Count - 1, tip) })
        {
            Assert.Equal(Usdc(await Pool.TotalSupplyAsync(aToken, block)), hours[index].SuppliedUsd, 6);  // to the wei (1e-6)
            // The stored deposits in raw token units are the aToken's own total supply (a double holds these exactly).
            Assert.Equal((double)await Pool.TotalSupplyAsync(aToken, block), hours[index].SuppliedTokens);
            Assert.Equal(Usdc(await Pool.TotalSupplyAsync(debtToken, block)), hours[index].BorrowedUsd, 6);
        }
        // The interest is there, not just principal: 10 % compounded on 600,000 for 30 days and 3 h 10 min, 4 % linear on deposits.
        var years = (30 * 24 + 3 + 10 / 60.0) / (365 * 24); // borrowed at 10:20, tip at 13:30 thirty days on
        Assert.Equal(600_000 * Math.Exp(0.10 * years), hours[^1].BorrowedUsd, 0);
        Assert.InRange(hours[^1].SuppliedUsd - 900_000, 2_950, 3_000); // ~ 1,000,000 × 4 % × 30.15 / 365 less the interest on the 100,000 withdrawn
        Assert.Equal(4.0, hours[^1].SupplyRatePct, 9);
        Assert.Equal(10.0, hours[^1].BorrowRatePct, 9);
        // Interest is no flow: the gross deposits and borrows stay the events' amounts.
        Assert.Equal(new GrossFlows(1_000_000, 0, 600_000, 0), hours[0].Flows);

        var drift = Assert.Single(report.Drifts);
        Assert.True(drift.Agrees, drift.ToString());
        Assert.Equal(0m, drift.SuppliedDrift);
        Assert.Equal(0m, drift.BorrowedDrift);
    }

    [Fact]
    public async Task RunAsync_ReportsInjectedDrift_WhileInterestAccrues()
    {
        var usdc = await AccruingReserveAsync(10_000_000_000, 4_000_000_000, TimeSpan.FromDays(10));
        await Pool.SkewSupplyAsync(usdc, 5_000_000); // 5 USDC appear without an event

        var report = await IngestAsync();

        var drift = Assert.Single(report.Drifts);
        Assert.False(drift.Agrees);
        Assert.InRange(drift.SuppliedDrift, 4.999999m, 5.000001m); // the skew is scaled at the index too: within one wei
        Assert.Equal(0m, drift.BorrowedDrift);
        Assert.True(drift.SuppliedOnChain > 10_005m); // interest accrued, and the event-built side has it too
    }

    [Fact]
    public async Task RunAsync_CountsFlashLoanPremium_ThroughTheLiquidityIndex()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SetRatesAsync(usdc, FourPct, TenPct);
        await Pool.SupplyAsync(usdc, 1_000_000_000, Alice);          // 1000 USDC
        await Node.IncreaseTimeAsync(TimeSpan.FromDays(5));
        await Pool.FlashLoanAsync(Alice, usdc, 2_000_000_000);        // premium 1 USDC to the suppliers
        await Node.IncreaseTimeAsync(TimeSpan.FromDays(5));
        await Node.MineAsync();

        var report = await IngestAsync();

        var drift = Assert.Single(report.Drifts);
        Assert.Equal(0m, drift.SuppliedDrift);
        // 1000 + interest on 1000 for 5 days, + 1 premium, then interest on both for 5 days: the premium earns interest too.
        var expected = (1000 * (1 + 0.04 * 5 / 365) + 1) * (1 + 0.04 * 5 / 365);
        Assert.Equal(expected, (double)drift.SuppliedFromEvents, 3);
        var flows = (await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct)).Select(h => h.Flows!.Value).Aggregate((a, b) => a + b);
        Assert.Equal(1000, flows.DepositsUsd); // the premium is no deposit
    }

    [Fact]
    public async Task RunAsync_CountsTreasuryMints_InDepositsButNotInFlows()
    {
        const string treasury = "0x0000000000000000000000000000000000007ea5";
        var usdc = await AccruingReserveAsync(1_000_000_000, 400_000_000, TimeSpan.FromDays(20));
        await Pool.MintToTreasuryAsync(usdc, treasury, 3_000_000);   // 3 USDC at the index of the moment
        await Node.IncreaseTimeAsync(TimeSpan.FromDays(20));
        await Node.MineAsync();

        var report = await IngestAsync();

        var drift = Assert.Single(report.Drifts);
        Assert.Equal(0m, drift.SuppliedDrift); // without the event the 3 USDC and their interest would be drift
        var check = Assert.Single(report.TransferChecks);
        Assert.Equal(3m, check.TreasuryMinted);
        Assert.Equal(0m, check.UnexplainedMinted);
        Assert.Empty(check.Mismatches);
        var flows = (await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct)).Select(h => h.Flows!.Value).Aggregate((a, b) => a + b);
        Assert.Equal(1000, flows.DepositsUsd);
    }

    [Fact]
    public async Task RunAsync_ConvertsOpeningBalances_AtTheOpeningBlocksIndex()
    {
        var usdc = await AccruingReserveAsync(100_000_000_000, 40_000_000_000, TimeSpan.FromDays(90)); // indexes well above 1.0 at the opening
        await Node.MineAsync();
        var start = await Node.Rpc.GetBlockNumberAsync(Ct) + 1;
        await Node.IncreaseTimeAsync(TimeSpan.FromDays(30));
        await Pool.SupplyAsync(usdc, 50_000_000_000, Alice);
        await Node.IncreaseTimeAsync(TimeSpan.FromDays(30));
        await Node.MineAsync();

        var report = await IngestAsync(Options(fromBlock: start));

        var opening = Assert.Single(await Flows.GetOpeningBalancesAsync("anvil", Pool.Address, Ct));
        Assert.True(opening.Supplied > 100_000m && opening.Borrowed > 40_000m);
        var drift = Assert.Single(report.Drifts);
        Assert.True(drift.Agrees, drift.ToString());
        // Converting the opening total back to a scaled balance rounds by at most one scaled unit, which the index turns into
        // at most two wei; without the opening index the drift would be the 30 days' interest on the opening (hundreds of USDC).
        Assert.InRange(drift.SuppliedDrift, -0.000002m, 0.000002m);
        Assert.InRange(drift.BorrowedDrift, -0.000002m, 0.000002m);
    }

    // A USDC reserve at 4 % / 10 % with a deposit and a loan, then time passes (interest accrues from the next block on).
    private async Task<string> AccruingReserveAsync(long supplied, long borrowed, TimeSpan passing)
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SetRatesAsync(usdc, FourPct, TenPct);
        await Pool.SupplyAsync(usdc, supplied, Alice);
        await Pool.BorrowAsync(usdc, borrowed, Alice);
        await Node.IncreaseTimeAsync(passing);
        return usdc;
    }

    private static double Usdc(BigInteger raw) => (double)Aave.TokenUnits.ToTokens(raw, 6);
}
