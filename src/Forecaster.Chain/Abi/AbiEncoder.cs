namespace Forecaster.Chain.Abi;

/// <summary>Builds <c>eth_call</c> input: a function selector followed by static arguments.</summary>
public static class AbiEncoder
{
    /// <summary>The 4-byte selector of a function signature such as <c>decimals()</c>, as 0x-prefixed hex.</summary>
    public static string Selector(string signature) => Keccak256.HashHex(signature)[..10];

    /// <summary>Call data for a function taking one address.</summary>
    public static string CallWithAddress(string signature, string address)
    {
        var raw = Hex.Parse(address);
        if (raw.Length != 20) throw new ArgumentException($"'{address}' is not a 20-byte address.", nameof(address));
        return Selector(signature) + new string('0', 24) + Convert.ToHexStringLower(raw);
    }
}
