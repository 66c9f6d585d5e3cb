using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forecaster.Chain.Abi;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Forecaster.Chain.Rpc;

/// <summary>
/// A small Ethereum JSON-RPC client over HttpClient: one call or a batch per HTTP request, each attempt under a timeout,
/// transient failures (connection refused or reset, timeouts, 5xx, 429 and rate-limit errors) retried with exponential
/// backoff and jitter, honouring Retry-After. The node's URL appears only masked, in logs and in errors.
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
    private readonly RpcClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ResiliencePipeline _pipeline;
    private long _nextId;

    /// <summary>Creates the client; pass an HttpClient to share its connection pool, or null for a private one.</summary>
    /// <exception cref="ChainRpcException">The options are invalid.</exception>
    public JsonRpcClient(RpcClientOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ownsHttp = http is null;
        // The per-attempt timeout is Polly's; HttpClient's own would fire as a non-retryable cancellation.
        _http = http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        MaskedUrl = RpcUrl.Redact(options.Url);
        _pipeline = BuildPipeline();
    }

    /// <summary>The node's URL with keys masked, safe to print.</summary>
    public string MaskedUrl { get; }

    /// <summary>Calls one method and returns its <c>result</c>.</summary>
    /// <exception cref="RpcErrorException">The node returned an error object (a <see cref="LogRangeTooLargeException"/> for a refused log range).</exception>
    /// <exception cref="ChainRpcException">The node stayed unreachable through every retry, or answered something that is not JSON-RPC.</exception>
    public async Task<JsonElement> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken = default)
    {
        var results = await BatchAsync(method, [parameters], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Calls one method once per parameter list in a single JSON-RPC batch; results come back in the order asked.</summary>
    public async Task<IReadOnlyList<JsonElement>> BatchAsync(string method, IReadOnlyList<JsonArray> parameterLists, CancellationToken cancellationToken = default)
    {
        if (parameterLists.Count == 0) return [];
        var firstId = Interlocked.Add(ref _nextId, parameterLists.Count) - parameterLists.Count + 1;
        var body = BuildBody(method, parameterLists, firstId);
        JsonDocument document;
        try
        {
            document = await _pipeline.ExecuteAsync(async ct => await PostAsync(method, body, ct).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TransientRpcException or IOException)
        {
            throw new ChainRpcException(
                $"RPC node {MaskedUrl} did not answer {method} after {_options.MaxRetries + 1} attempts: {RpcUrl.Scrub(ex.Message, _options.Url)}", ex);
        }
        using (document)
            return ReadResults(method, document.RootElement, firstId, parameterLists.Count, parameterLists.Count > 1);
    }

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<long> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        Quantity("eth_chainId", await CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_blockNumber</c>: the latest block.</summary>
    public async Task<long> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        Quantity("eth_blockNumber", await CallAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));

    /// <summary>Headers of the given blocks, in the order asked, in batches of <paramref name="batchSize"/>.</summary>
    /// <exception cref="ChainRpcException">A block is missing (the chain is shorter than asked).</exception>
    public async Task<IReadOnlyList<RpcBlock>> GetBlocksAsync(IReadOnlyList<long> numbers, int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var found = await FindBlocksAsync(numbers, batchSize, cancellationToken).ConfigureAwait(false);
        var missing = found.IndexOf(null);
        if (missing >= 0) throw new ChainRpcException($"RPC node {MaskedUrl} has no block {numbers[missing]}.");
        return found!;
    }

    /// <summary>
    /// Headers of the given blocks in the order asked, null where the chain does not have the block (e.g. it became shorter in
    /// a reorg); one JSON-RPC batch per <paramref name="batchSize"/> blocks.
    /// </summary>
    public async Task<List<RpcBlock?>> FindBlocksAsync(IReadOnlyList<long> numbers, int batchSize = 100, CancellationToken cancellationToken = default)
    {
        var blocks = new List<RpcBlock?>(numbers.Count);
        foreach (var chunk in numbers.Chunk(batchSize))
        {
            var parameters = chunk.Select(n => new JsonArray(Hex.FormatQuantity(n), false)).ToList();
            var results = await BatchAsync("eth_getBlockByNumber", parameters, cancellationToken).ConfigureAwait(false);
            blocks.AddRange(results.Select(r => r.ValueKind == JsonValueKind.Object ? ParseBlock(r) : null));
        }
        return blocks;
    }

    /// <summary>The header of one block, or null when the chain does not have it (yet).</summary>
    public async Task<RpcBlock?> GetBlockAsync(long number, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("eth_getBlockByNumber", [Hex.FormatQuantity(number), false], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Object ? ParseBlock(result) : null;
    }

    /// <summary><c>eth_getLogs</c> of one contract over [from, to] (inclusive), topic 0 in the given set.</summary>
    /// <exception cref="LogRangeTooLargeException">The node refused the range as too large.</exception>
    public Task<IReadOnlyList<RpcLog>> GetLogsAsync(string address, IReadOnlyList<string> topic0s, long fromBlock, long toBlock, CancellationToken cancellationToken = default) =>
        GetLogsAsync([address], topic0s, fromBlock, toBlock, cancellationToken);

    /// <summary><c>eth_getLogs</c> of any of several contracts over [from, to] (inclusive), topic 0 in the given set, in chain order.</summary>
    /// <exception cref="LogRangeTooLargeException">The node refused the range as too large.</exception>
    public async Task<IReadOnlyList<RpcLog>> GetLogsAsync(IReadOnlyList<string> addresses, IReadOnlyList<string> topic0s, long fromBlock, long toBlock, CancellationToken cancellationToken = default)
    {
        var filter = new JsonObject
        {
            ["address"] = addresses.Count == 1 ? addresses[0] : new JsonArray(addresses.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["fromBlock"] = Hex.FormatQuantity(fromBlock),
            ["toBlock"] = Hex.FormatQuantity(toBlock),
            ["topics"] = new JsonArray(new JsonArray(topic0s.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray())),
        };
        var result = await CallAsync("eth_getLogs", [filter], cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.Array)
            throw new ChainRpcException($"RPC node {MaskedUrl} answered eth_getLogs with {result.ValueKind}, not an array.");
        var logs = new List<RpcLog>(result.GetArrayLength());
        foreach (var item in result.EnumerateArray()) logs.Add(ParseLog(item));
        return logs;
    }

    /// <summary><c>eth_call</c> at a block; returns the raw return data.</summary>
    public async Task<byte[]> EthCallAsync(string to, string data, long block, CancellationToken cancellationToken = default)
    {
        var call = new JsonObject { ["to"] = to, ["data"] = data };
        var result = await CallAsync("eth_call", [call, Hex.FormatQuantity(block)], cancellationToken).ConfigureAwait(false);
        return Hex.Parse(result.GetString() ?? throw new ChainRpcException($"RPC node {MaskedUrl} answered eth_call with null."));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task<JsonDocument> PostAsync(string method, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(_options.Url, content, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            throw new TransientRpcException($"HTTP {(int)response.StatusCode} from {MaskedUrl} for {method}", retryAfter);
        }
        if (!response.IsSuccessStatusCode)
            throw new ChainRpcException($"RPC node {MaskedUrl} answered {method} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            // An empty or cut-off body is what a node or load balancer going down mid-answer sends: worth a retry.
            throw new TransientRpcException($"answer to {method} is not JSON ({bytes.Length} bytes): {ex.Message}", null);
        }
        if (IsRateLimited(document.RootElement))
        {
            document.Dispose();
            throw new TransientRpcException($"rate limited by {MaskedUrl} on {method}", null);
        }
        return document;
    }

    private static bool IsRateLimited(JsonElement root)
    {
        foreach (var response in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : Enumerable.Repeat(root, 1))
        {
            if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("error", out var error) &&
                error.TryGetProperty("message", out var message) && message.GetString() is { } text &&
                (text.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || text.Contains("too many requests", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    private IReadOnlyList<JsonElement> ReadResults(string method, JsonElement root, long firstId, int count, bool batch)
    {
        var results = new JsonElement[count];
        var responses = batch
            ? root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : throw Malformed(method, "a batch answered without an array")
            : [root];
        var seen = 0;
        foreach (var response in responses)
        {
            if (response.ValueKind != JsonValueKind.Object) throw Malformed(method, "a response is not an object");
            if (response.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var v) ? v : 0;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                message = RpcUrl.Scrub(message, _options.Url);
                if (method == "eth_getLogs" && LogRangeTooLargeException.Matches(code, message))
                    throw new LogRangeTooLargeException(method, code, message, MaskedUrl);
                throw new RpcErrorException(method, code, message, MaskedUrl);
            }
            if (!response.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id) || id < firstId || id >= firstId + count)
                throw Malformed(method, "a response has an id that was not asked for");
            if (!response.TryGetProperty("result", out var result)) throw Malformed(method, "a response has neither result nor error");
            results[id - firstId] = result.Clone();
            seen++;
        }
        if (seen != count) throw Malformed(method, $"{seen} answers to {count} calls");
        return results;
    }

    private ChainRpcException Malformed(string method, string what) => new($"RPC node {MaskedUrl} answered {method} malformed: {what}.");

    private long Quantity(string method, JsonElement value)
    {
        try { return Hex.ParseQuantity(value.GetString() ?? ""); }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw Malformed(method, $"'{value}' is not a quantity");
        }
    }

    private static byte[] BuildBody(string method, IReadOnlyList<JsonArray> parameterLists, long firstId)
    {
        var calls = parameterLists.Select((p, i) => new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = firstId + i,
            ["method"] = method,
            ["params"] = p.DeepClone(),
        }).ToArray();
        JsonNode node = calls.Length == 1 ? calls[0] : new JsonArray(calls);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static RpcBlock ParseBlock(JsonElement e) => new(
        Hex.ParseQuantity(e.GetProperty("number").GetString()!),
        e.GetProperty("hash").GetString()!.ToLowerInvariant(),
        e.GetProperty("parentHash").GetString()!.ToLowerInvariant(),
        DateTimeOffset.FromUnixTimeSeconds(Hex.ParseQuantity(e.GetProperty("timestamp").GetString()!)));

    private static RpcLog ParseLog(JsonElement e)
    {
        var topics = e.GetProperty("topics");
        var topicArray = new string[topics.GetArrayLength()];
        var i = 0;
        foreach (var t in topics.EnumerateArray()) topicArray[i++] = t.GetString()!.ToLowerInvariant();
        return new RpcLog(
            e.GetProperty("address").GetString()!.ToLowerInvariant(),
            topicArray,
            Hex.Parse(e.GetProperty("data").GetString()!),
            Hex.ParseQuantity(e.GetProperty("blockNumber").GetString()!),
            e.GetProperty("blockHash").GetString()!.ToLowerInvariant(),
            e.GetProperty("transactionHash").GetString()!.ToLowerInvariant(),
            Hex.ParseQuantity(e.GetProperty("logIndex").GetString()!),
            e.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder();
        // Polly wants at least one retry; MaxRetries = 0 means a single attempt, so the retry strategy is left out.
        if (_options.MaxRetries > 0) builder.AddRetry(RetryOptions());
        return builder.AddTimeout(_options.RequestTimeout).Build();
    }

    private RetryStrategyOptions RetryOptions() => new()
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .Handle<TransientRpcException>()
                .Handle<IOException>(),
            MaxRetryAttempts = _options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryDelay,
            MaxDelay = _options.MaxRetryDelay,
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is TransientRpcException { RetryAfter: { } after }
                    ? (TimeSpan?)TimeSpan.FromTicks(Math.Min(after.Ticks, _options.MaxRetryDelay.Ticks))
                    : null),
            OnRetry = args =>
            {
                _options.Log?.Invoke($"retry {args.AttemptNumber + 1} of {_options.MaxRetries} against {MaskedUrl} in {args.RetryDelay.TotalSeconds:F1} s: " +
                                     RpcUrl.Scrub(args.Outcome.Exception?.Message ?? "no answer", _options.Url));
                return ValueTask.CompletedTask;
            },
        };
}
