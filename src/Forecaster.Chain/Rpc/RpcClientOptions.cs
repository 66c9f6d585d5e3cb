namespace Forecaster.Chain.Rpc;

/// <summary>How the JSON-RPC client talks to a node.</summary>
public sealed class RpcClientOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Chain:Rpc";

    /// <summary>Default values, shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Per-attempt timeout.</summary>
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

        /// <summary>Retries after the first attempt.</summary>
        public const int MaxRetries = 6;

        /// <summary>First backoff delay; it doubles each retry (with jitter).</summary>
        public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

        /// <summary>Longest wait between attempts, including a node's Retry-After.</summary>
        public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    }

    /// <summary>The node's URL; may hold a key, so it is only ever shown masked.</summary>
    public required string Url { get; init; }

    /// <summary>Per-attempt timeout; must be positive.</summary>
    public TimeSpan RequestTimeout { get; init; } = Defaults.RequestTimeout;

    /// <summary>Retries after the first attempt, in [0, 20].</summary>
    public int MaxRetries { get; init; } = Defaults.MaxRetries;

    /// <summary>First backoff delay; must be positive.</summary>
    public TimeSpan RetryDelay { get; init; } = Defaults.RetryDelay;

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = Defaults.MaxRetryDelay;

    /// <summary>Receives one line per retry and notable event, URL already masked; null to stay quiet.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Checks the values, naming the option and its allowed range.</summary>
    /// <exception cref="ChainRpcException">A value is out of range or the URL is not http(s).</exception>
    public void Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ChainRpcException($"--url must be an absolute http(s) URL, got '{RpcUrl.Redact(Url)}'.");
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ChainRpcException($"{SectionName}:RequestTimeout must be positive, got {RequestTimeout}.");
        if (MaxRetries is < 0 or > 20)
            throw new ChainRpcException($"{SectionName}:MaxRetries must be in [0, 20], got {MaxRetries}.");
        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
            throw new ChainRpcException($"{SectionName}:RetryDelay must be positive and at most MaxRetryDelay, got {RetryDelay} and {MaxRetryDelay}.");
    }
}
