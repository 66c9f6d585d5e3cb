namespace Forecaster.Chain.Rpc;

/// <summary>The node refused an <c>eth_getLogs</c> range as too wide or as returning too many results; a smaller range may pass.</summary>
public sealed class LogRangeTooLargeException(string method, long code, string nodeMessage, string maskedUrl)
    : RpcErrorException(method, code, nodeMessage, maskedUrl)
{
    // Providers word this differently; these fragments cover geth/erigon/reth, Infura, Alchemy, QuickNode, Ankr and anvil's fork mode.
    private static readonly string[] Fragments =
    [
        "more than", "too many", "range is too", "range too", "block range", "limit exceeded", "response size", "exceed",
        "too large", "query timeout", "max results",
    ];

    /// <summary>True when an error from <c>eth_getLogs</c> asks for a smaller range rather than reporting a real failure.</summary>
    public static bool Matches(long code, string message) =>
        code is -32005 or -32602 or -32000 or -32614 or -32600 or -32603 &&
        Fragments.Any(f => message.Contains(f, StringComparison.OrdinalIgnoreCase)) &&
        !message.Contains("rate", StringComparison.OrdinalIgnoreCase);
}
