using Forecaster.Chain.Aave;
using Forecaster.Chain.Abi;
using Xunit;

namespace Forecaster.Chain.Tests.Abi;

public sealed class AaveV3PoolEventsTests
{
    // Published topic 0 values of Aave v3 Pool events (as filtered on mainnet by explorers and indexers).
    [Theory]
    [InlineData(nameof(AaveV3PoolEvents.Supply), "0x2b627736bca15cd5381dcf80b0bf11fd197d01a037c52b927a881a10fb73ba61")]
    [InlineData(nameof(AaveV3PoolEvents.Withdraw), "0x3115d1449a7b732c986cba18244e897a450f61e1bb8d589cd2e69e6c8924f9f7")]
    [InlineData(nameof(AaveV3PoolEvents.Borrow), "0xb3d084820fb1a9decffb176436bd02558d15fac9b0ddfed8c465bc7359d7dce0")]
    [InlineData(nameof(AaveV3PoolEvents.Repay), "0xa534c8dbe71f871f9f3530e97a74601fea17b426cae02e1c5aee42c96c784051")]
    [InlineData(nameof(AaveV3PoolEvents.LiquidationCall), "0xe413a321e8681d831f4dbccbca790d2952b56f977908e45be37335533e005286")]
    [InlineData(nameof(AaveV3PoolEvents.FlashLoan), "0xefefaba5e921573100900a3ad9cf29f222d995fb3b6045797eaea7521bd8d6f0")]
    [InlineData(nameof(AaveV3PoolEvents.ReserveDataUpdated), "0x804c9b842b2748a22bb64b345453a3de7ca54a6ca45ce00d415894979e22897a")]
    public void Topic0_MatchesPublishedValue_ForEachPoolEvent(string field, string expected)
    {
        var actual = (string)typeof(AaveV3PoolEvents).GetField(field)!.GetValue(null)!;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void HashHex_IsKeccakNotSha3_ForEmptyInput()
    {
        // Keccak-256("") differs from NIST SHA3-256("") (a7ffc6f8...): Ethereum uses the original padding.
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak256.HashHex(""));
    }

    [Fact]
    public void Selector_MatchesErc20_ForKnownFunctions()
    {
        Assert.Equal("0x18160ddd", AbiEncoder.Selector("totalSupply()"));
        Assert.Equal("0x313ce567", AbiEncoder.Selector("decimals()"));
        Assert.Equal("0x35ea6a75", AbiEncoder.Selector("getReserveData(address)"));
    }
}
