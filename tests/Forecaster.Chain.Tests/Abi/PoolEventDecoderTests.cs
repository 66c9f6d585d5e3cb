using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Chain.Abi;
using Forecaster.Flows;
using Xunit;

namespace Forecaster.Chain.Tests.Abi;

public sealed class PoolEventDecoderTests
{
    internal const string Reserve = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    internal const string Alice = "0x00000000000000000000000000000000000a11ce";
    internal const string Bob = "0x0000000000000000000000000000000000000b0b";

    internal static string Topic(string address) => "0x" + address[2..].PadLeft(64, '0');
    internal static string Word(BigInteger v) => v.ToString("x").TrimStart('0').PadLeft(64, '0');
    internal static string Word(string address) => address[2..].PadLeft(64, '0');

    internal static ChainLog Log(string topic0, string[] topics, string data) =>
        new("ethereum", 100, "0xbb", "0xtx", 3, DateTimeOffset.UnixEpoch, "0xpool", [topic0, .. topics], Hex.Parse(data));

    [Fact]
    public void TryDecode_ReadsSupply_WithIndexedAndDataFields()
    {
        var log = Log(AaveV3PoolEvents.Supply, [Topic(Reserve), Topic(Alice), Topic("0x07")], Word(Bob) + Word(1_500_000));
        var ev = PoolEventDecoder.TryDecode(log, out var rejection);
        Assert.Null(rejection);
        Assert.NotNull(ev);
        Assert.Equal(PoolEventKind.Supply, ev.Kind);
        Assert.Equal(Reserve, ev.Reserve);
        Assert.Equal(Alice, ev.Account);     // onBehalfOf owns the position
        Assert.Equal(Bob, ev.Counterparty);  // the caller
        Assert.Equal(new BigInteger(1_500_000), ev.Amount);
    }

    [Fact]
    public void TryDecode_ReadsLiquidation_WithBothAssets()
    {
        const string debt = "0xdac17f958d2ee523a2206206994597c13d831ec7";
        var log = Log(AaveV3PoolEvents.LiquidationCall, [Topic(Reserve), Topic(debt), Topic(Alice)],
            Word(40) + Word(55) + Word(Bob) + Word(1));
        var ev = PoolEventDecoder.TryDecode(log, out _)!;
        Assert.Equal(Reserve, ev.Reserve);
        Assert.Equal(debt, ev.DebtReserve);
        Assert.Equal(new BigInteger(55), ev.Amount);
        Assert.Equal(new BigInteger(40), ev.DebtAmount);
        Assert.Equal(Alice, ev.Account);
        Assert.Equal(Bob, ev.Counterparty);
        Assert.True(ev.Flag);
    }

    [Fact]
    public void TryDecode_RejectsWithReason_WhenDataHasWrongLength()
    {
        var log = Log(AaveV3PoolEvents.Withdraw, [Topic(Reserve), Topic(Alice), Topic(Bob)], Word(1) + Word(2));
        Assert.Null(PoolEventDecoder.TryDecode(log, out var rejection));
        Assert.NotNull(rejection);
        Assert.Contains("Withdraw", rejection);
        Assert.Contains("0xtx#3", rejection);
        Assert.Contains("expected 32 data bytes", rejection);
    }

    [Fact]
    public void TryDecode_RejectsWithReason_WhenTopicCountDiffers()
    {
        // Same topic 0 but reserve not indexed: a look-alike contract, not Aave v3's layout.
        var log = Log(AaveV3PoolEvents.Repay, [Topic(Reserve), Topic(Alice)], Word(Bob) + Word(5) + Word(0));
        Assert.Null(PoolEventDecoder.TryDecode(log, out var rejection));
        Assert.Contains("expected 4 topics", rejection);
    }

    [Fact]
    public void TryDecode_ReturnsNullWithoutRejection_WhenTopicIsUnknown()
    {
        // ERC-20 Approval: a token event that is none of those read (Transfer is, for aTokens).
        var log = Log("0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925", [Topic(Alice), Topic(Bob)], Word(1));
        Assert.Null(PoolEventDecoder.TryDecode(log, out var rejection));
        Assert.Null(rejection);
    }

    [Fact]
    public void TryDecode_ReadsATokenTransfer_WithTheEmittingTokenAsReserve()
    {
        var log = Log(AaveV3PoolEvents.Transfer, [Topic(Alice), Topic(Bob)], Word(1));
        var ev = PoolEventDecoder.TryDecode(log, out var rejection);
        Assert.Null(rejection);
        Assert.Equal((PoolEventKind.ATokenTransfer, log.Address, Alice, Bob, new System.Numerics.BigInteger(1)),
            (ev!.Kind, ev.Reserve, ev.Account, ev.Counterparty, ev.Amount));
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", AaveV3PoolEvents.Transfer); // the published topic
    }

    [Fact]
    public void TryDecode_RejectsTransfer_WithAmountIndexed()
    {
        // ERC-721 Transfer shares topic 0 but indexes the token id: not an aToken's.
        var log = Log(AaveV3PoolEvents.Transfer, [Topic(Alice), Topic(Bob), Topic(Alice)], "");
        Assert.Null(PoolEventDecoder.TryDecode(log, out var rejection));
        Assert.Contains("expected 3 topics, got 4", rejection);
    }
}
