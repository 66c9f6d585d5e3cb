namespace Forecaster.Chain.Rpc;

/// <summary>The node answered a call with a JSON-RPC error object.</summary>
/// <param name="method">The method called.</param>
/// <param name="code">The JSON-RPC error code.</param>
/// <param name="nodeMessage">The node's message.</param>
/// <param name="maskedUrl">The node's URL, masked.</param>
public class RpcErrorException(string method, long code, string nodeMessage, string maskedUrl)
    : ChainRpcException($"RPC node {maskedUrl} refused {method}: error {code}: {nodeMessage}")
{
    /// <summary>The JSON-RPC error code.</summary>
    public long Code { get; } = code;

    /// <summary>The node's message.</summary>
    public string NodeMessage { get; } = nodeMessage;
}
