using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Forecaster.Chain.Abi;

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    /// <summary>The 32-byte hash of the input.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(input);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    /// <summary>The hash of a UTF-8 string (e.g. an event signature) as 0x-prefixed lower-case hex.</summary>
    public static string HashHex(string text) => Hex.Format(Hash(Encoding.UTF8.GetBytes(text)));
}
