using System.Numerics;
using Forecaster.Chain.Aave;
using Xunit;

namespace Forecaster.Chain.Tests.Abi;

public sealed class TokenUnitsTests
{
    [Theory]
    [InlineData("1500000", 6, "1.5")]
    [InlineData("1", 18, "0.000000000000000001")]
    [InlineData("123456789012345678901234", 18, "123456.789012345678901234")]
    [InlineData("7", 0, "7")]
    public void ToTokens_IsExact_WhenItFitsDecimal(string raw, int decimals, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TokenUnits.ToTokens(BigInteger.Parse(raw), decimals));

    [Fact]
    public void ToTokens_Approximates_WhenRawExceeds96Bits()
    {
        var raw = BigInteger.Parse("1000000000000000000000000000000000000"); // 1e36 raw = 1e18 tokens at 18 decimals
        Assert.Equal(1_000_000_000_000_000_000m, TokenUnits.ToTokens(raw, 18));
    }

    [Fact]
    public void ToTokens_Throws_WhenNegative() =>
        Assert.Equal("raw", Assert.Throws<ArgumentOutOfRangeException>(() => TokenUnits.ToTokens(-1, 6)).ParamName);

    [Theory]
    [InlineData("1500000", 6)]
    [InlineData("1", 18)]
    [InlineData("123456789012345678901234", 18)]
    [InlineData("7", 0)]
    [InlineData("100000000", 2)]
    public void ToRaw_RoundTripsToTokens(string raw, int decimals) =>
        Assert.Equal(BigInteger.Parse(raw), TokenUnits.ToRaw(TokenUnits.ToTokens(BigInteger.Parse(raw), decimals), decimals));

    [Fact]
    public void ToRaw_TruncatesDigitsFinerThanTheToken() =>
        Assert.Equal(new BigInteger(1_234_567), TokenUnits.ToRaw(1.2345678m, 6));
}
