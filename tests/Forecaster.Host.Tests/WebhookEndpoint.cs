using System.Net;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>A real HTTP endpoint on a free loopback port that answers 500 while failing and 200 otherwise, counting what it got.</summary>
internal sealed class WebhookEndpoint : IDisposable
{
    private readonly HttpListener _listener;
    private readonly List<string> _delivered = [];
    private int _attempts;

    public WebhookEndpoint(string pathAndQuery, int failFirst = int.MaxValue)
    {
        Port = PostgresServiceTests.FreePort();
        Url = $"http://127.0.0.1:{Port}/{pathAndQuery}";
        FailFirst = failFirst;
        _listener = new HttpListener { Prefixes = { $"http://127.0.0.1:{Port}/" } };
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The URL to configure as the webhook.</summary>
    public string Url { get; }

    /// <summary>Requests answered 500 before the endpoint "recovers"; change it to recover at once.</summary>
    public int FailFirst { get; set; }

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<string> Delivered { get { lock (_delivered) return _delivered.ToList(); } }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
            var body = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
            var n = Interlocked.Increment(ref _attempts);
            var fail = n <= FailFirst;
            context.Response.StatusCode = fail ? 500 : 200;
            if (!fail) lock (_delivered) _delivered.Add(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
