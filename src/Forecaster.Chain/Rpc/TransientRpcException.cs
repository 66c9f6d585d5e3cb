namespace Forecaster.Chain.Rpc;

/// <summary>A failure worth retrying: a 5xx, a 429 (rate limit) or a rate-limit error object. Internal to the retry loop.</summary>
internal sealed class TransientRpcException(string message, TimeSpan? retryAfter) : Exception(message)
{
    /// <summary>How long the node asked to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
