using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Forecaster.Chain.Abi;

namespace Forecaster.Chain.Tests.Node;

/// <summary>
/// An HTTP relay in front of the real node that behaves like hosted providers do: it refuses <c>eth_getLogs</c> ranges wider
/// than <see cref="MaxLogSpan"/> blocks with the "more than 10000 results" error, and it can go away (connections refused)
/// and come back on the same port. Every accepted call is forwarded to anvil unchanged.
/// </summary>
public sealed class RpcProxy : IAsyncDisposable
{
    private readonly string _target;
    private readonly HttpClient _http = new();
    private HttpListener? _listener;
    private Task? _loop;
    private int _getLogsCalls;
    private int _blockRequests;
    private int _rateLimited;

    public RpcProxy(string target)
    {
        _target = target;
        Port = Listen();
        Url = $"http://127.0.0.1:{Port}/v3/0123456789abcdef0123456789abcdef";
    }

    public int Port { get; }

    /// <summary>The proxy's URL, with a fake key in the path so masking can be checked too.</summary>
    public string Url { get; }

    /// <summary>Widest eth_getLogs range accepted; null accepts any.</summary>
    public long? MaxLogSpan { get; set; }

    /// <summary>eth_getLogs calls refused as too large.</summary>
    public int RefusedRanges { get; private set; }

    /// <summary>HTTP requests received that ask for eth_getBlockByNumber (a JSON-RPC batch counts once).</summary>
    public int BlockRequests => _blockRequests;

    /// <summary>eth_getLogs calls received.</summary>
    public int GetLogsCalls => _getLogsCalls;

    /// <summary>Called on each eth_getLogs; lets a test act mid-run (e.g. take the node away).</summary>
    public Action<int>? OnGetLogs { get; set; }

    /// <summary>Answers the next <paramref name="requests"/> requests, whatever they ask, with HTTP 429 and "Retry-After: 1".</summary>
    public void RateLimitNext(int requests) => Interlocked.Exchange(ref _rateLimited, requests);

    /// <summary>Requests answered with HTTP 429.</summary>
    public int RateLimitedAnswers { get; private set; }

    /// <summary>Listens again on <see cref="Port"/> after <see cref="Stop"/>.</summary>
    public void Start() => Listen(Port);

    // HttpListener cannot be given port 0, so a port the kernel reports free is taken; another process may bind it first (it
    // is free until the listener binds it), and then the next one is tried: the proxy never shares a port, it fails to bind.
    private int Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            try
            {
                Listen(port);
                return port;
            }
            catch (HttpListenerException) when (attempt < 5) { /* taken meanwhile: another port */ }
        }
    }

    private void Listen(int port)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _listener = listener;
        _loop = Task.Run(() => LoopAsync(listener));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Stops listening: new connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        var listener = _listener;
        _listener = null;
        listener?.Close();
    }

    public bool IsUp => _listener is not null;

    private async Task LoopAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; } // closed
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var request = JsonNode.Parse(body);
            if (body.Contains("\"eth_getBlockByNumber\"", StringComparison.Ordinal)) Interlocked.Increment(ref _blockRequests);
            if (request is JsonObject call && call["method"]?.GetValue<string>() == "eth_getLogs")
            {
                var n = Interlocked.Increment(ref _getLogsCalls);
                OnGetLogs?.Invoke(n);
                if (!IsUp)
                {
                    context.Response.Abort();
                    return;
                }
                var filter = call["params"]![0]!;
                var span = Hex.ParseQuantity(filter["toBlock"]!.GetValue<string>()) - Hex.ParseQuantity(filter["fromBlock"]!.GetValue<string>()) + 1;
                if (span > MaxLogSpan)
                {
                    RefusedRanges++;
                    var error = new JsonObject
                    {
                        ["jsonrpc"] = "2.0", ["id"] = call["id"]!.DeepClone(),
                        ["error"] = new JsonObject { ["code"] = -32005, ["message"] = "query returned more than 10000 results" },
                    };
                    await WriteAsync(context, error.ToJsonString());
                    return;
                }
            }
            if (Interlocked.Decrement(ref _rateLimited) >= 0)
            {
                RateLimitedAnswers++;
                context.Response.StatusCode = 429;
                context.Response.AddHeader("Retry-After", "1");
                context.Response.Close();
                return;
            }
            using var forwarded = await _http.PostAsync(_target, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await WriteAsync(context, await forwarded.Content.ReadAsStringAsync());
        }
        catch (Exception)
        {
            try { context.Response.Abort(); } catch (Exception) { /* already closed */ }
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        if (_loop is not null) await Task.WhenAny(_loop, Task.Delay(1000));
        _http.Dispose();
    }
}
