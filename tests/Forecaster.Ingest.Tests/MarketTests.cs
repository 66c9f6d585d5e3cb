using Forecaster.Markets;
using Xunit;

namespace Forecaster.Ingest.Tests;

public class MarketTests
{
    [Fact]
    public void FromName_SplitsProtocolAndAsset_WhenNameFollowsSharedDataConvention()
    {
        var market = Market.FromName("aave_v2_usdt");
        Assert.Equal("aave-v2", market.Protocol);
        Assert.Equal("USDT", market.Asset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("../etc")]
    public void ValidateName_Throws_WhenNameIsNotAKey(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Market.ValidateName(name));
        Assert.Equal("name", error.ParamName);
    }
}
