using Forecaster.Chain.Aave;
using Forecaster.Flows;
using Xunit;
using static Forecaster.Chain.Tests.Abi.PoolEventDecoderTests;

namespace Forecaster.Chain.Tests.Abi;

/// <summary>Which holder's deposits a repayment or liquidation burns, as the flow carries it and as it is decoded again from a stored log.</summary>
public sealed class PoolFlowMapperTests
{
    private const string Debt = "0xdac17f958d2ee523a2206206994597c13d831ec7";
    private static readonly ReserveInfo Usdc = new(Reserve, "USDC", 6, "aave_v3_usdc", 1);

    // Repay(reserve, user = Alice, repayer = Bob, 5 USDC, useATokens).
    private static ChainLog RepayLog(bool useATokens) =>
        Log(AaveV3PoolEvents.Repay, [Topic(Reserve), Topic(Alice), Topic(Bob)], Word(5_000_000) + Word(useATokens ? 1 : 0));

    // LiquidationCall(collateral, debt, user = Alice, 40 debt, 55 collateral, liquidator = Bob, receiveAToken).
    private static ChainLog LiquidationLog(bool receiveAToken) =>
        Log(AaveV3PoolEvents.LiquidationCall, [Topic(Reserve), Topic(Debt), Topic(Alice)], Word(40) + Word(55_000_000) + Word(Bob) + Word(receiveAToken ? 1 : 0));

    private static FlowEvent Flow(ChainLog log) => PoolFlowMapper.ToFlow(log, PoolEventDecoder.TryDecode(log, out _)!, Usdc)!;

    [Theory]
    [InlineData(true, Bob)]    // the repayer's aTokens are burned, not the user's
    [InlineData(false, "")]    // repaid with the asset: no deposit burned
    public void Repay_BurnsTheRepayersDeposits_OnlyWithATokens(bool useATokens, string burnedFrom)
    {
        var log = RepayLog(useATokens);
        var flow = Flow(log);
        Assert.Equal((FlowKind.Repay, 5m, Alice, burnedFrom), (flow.Kind, flow.Amount, flow.Account, flow.DepositsBurnedFrom));
        // A store keeps one account per flow: the holder is decoded again from the stored log.
        Assert.Equal(flow, PoolFlowMapper.WithAccountsFromLog(new PoolLog(log, flow with { DepositsBurnedFrom = "" })));
    }

    [Theory]
    [InlineData(false, Alice)] // the collateral's underlying is paid out: the user's aTokens are burned
    [InlineData(true, "")]     // the liquidator takes the aTokens: an aToken transfer moves them, nothing is burned
    public void Liquidation_BurnsTheUsersCollateral_OnlyWhenPaidOutInTheUnderlying(bool receiveAToken, string burnedFrom)
    {
        var log = LiquidationLog(receiveAToken);
        var flow = Flow(log);
        Assert.Equal((FlowKind.Liquidation, "aave_v3_usdc", 55m, Alice, burnedFrom), (flow.Kind, flow.Market, flow.Amount, flow.Account, flow.DepositsBurnedFrom));
        Assert.Equal(flow, PoolFlowMapper.WithAccountsFromLog(new PoolLog(log, flow with { DepositsBurnedFrom = "" })));
    }

    [Fact]
    public void WithAccountsFromLog_LeavesAFlowAsItIs_WhenItsLogIsNotItsOwnEvent()
    {
        // A simulated flow is stored without a payload; a repayment's flow beside a liquidation's log is not its event.
        var repay = Flow(RepayLog(useATokens: true)) with { DepositsBurnedFrom = "" };
        var bare = RepayLog(true) with { Topics = [], Data = [] };
        Assert.Equal(repay, PoolFlowMapper.WithAccountsFromLog(new PoolLog(bare, repay)));
        Assert.Equal(repay, PoolFlowMapper.WithAccountsFromLog(new PoolLog(LiquidationLog(receiveAToken: false), repay)));
    }
}
