namespace Forecaster.Chain.Ingestion;

/// <summary>The node serves a different chain than the one configured: reading it would store another chain's events under this chain's name.</summary>
public sealed class ChainMismatchException(string maskedUrl, long actual, string chain, long expected)
    : ForecasterException($"RPC node {maskedUrl} serves chain id {actual}, but --chain {chain} expects chain id {expected}; point --url at a {chain} node or fix --chain.")
{
    /// <summary>The node's chain id.</summary>
    public long Actual { get; } = actual;

    /// <summary>The configured chain id.</summary>
    public long Expected { get; } = expected;
}
