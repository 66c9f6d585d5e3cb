namespace Forecaster.Chain.Rpc;

/// <summary>The node could not be used: unreachable after retries, a malformed answer, or an error it returned. The message carries the masked URL only.</summary>
public class ChainRpcException : ForecasterException
{
    /// <summary>Creates the error.</summary>
    public ChainRpcException(string message) : base(message) { }

    /// <summary>Creates the error with its cause.</summary>
    public ChainRpcException(string message, Exception inner) : base(message, inner) { }
}
