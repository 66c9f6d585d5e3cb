using System.Numerics;
using Forecaster.Chain.Abi;
using Xunit;

namespace Forecaster.Chain.Tests.Abi;

public sealed class AbiReaderTests
{
    private static byte[] Words(params string[] hexWords) => Hex.Parse(string.Concat(hexWords.Select(w => w.PadLeft(64, '0'))));

    [Fact]
    public void ReadUInt256_ReadsFullWidth_WhenTopBitSet()
    {
        var data = Words("ff" + new string('0', 62), "2a");
        // Read as unsigned: a signed read would make this negative.
        Assert.Equal(255 * BigInteger.Pow(2, 248), AbiReader.ReadUInt256(data, 0));
        Assert.Equal(new BigInteger(42), AbiReader.ReadUInt256(data, 1));
    }

    [Fact]
    public void ReadAddress_ReturnsLowerCaseLast20Bytes()
    {
        var data = Words("00000000000000000000000087870BCA3F3FD6335C3F4CE8392D69350B4FA4E2");
        Assert.Equal("0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2", AbiReader.ReadAddress(data, 0));
    }

    [Fact]
    public void ReadAddress_Throws_WhenHighBytesSet()
    {
        var data = Words("01000000000000000000000087870bca3f3fd6335c3f4ce8392d69350b4fa4e2");
        Assert.Throws<AbiDecodingException>(() => AbiReader.ReadAddress(data, 0));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    public void ReadBool_ReadsZeroAndOne(string word, bool expected) => Assert.Equal(expected, AbiReader.ReadBool(Words(word), 0));

    [Fact]
    public void ReadBool_Throws_WhenWordIsTwo() => Assert.Throws<AbiDecodingException>(() => AbiReader.ReadBool(Words("2"), 0));

    [Fact]
    public void ReadUInt256_Throws_WhenDataTooShort()
    {
        var ex = Assert.Throws<AbiDecodingException>(() => AbiReader.ReadUInt256(new byte[40], 1));
        Assert.Contains("40 bytes", ex.Message);
    }

    [Fact]
    public void ReadAddressArray_ReadsDynamicArray()
    {
        var data = Words("20", "2", "11", "22");
        Assert.Equal(["0x0000000000000000000000000000000000000011", "0x0000000000000000000000000000000000000022"], AbiReader.ReadAddressArray(data));
    }
}
