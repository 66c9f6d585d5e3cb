using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Forecaster.Chain.Rpc;
using Forecaster.Testing;

namespace Forecaster.Chain.Tests.Node;

/// <summary>
/// A real anvil node on 127.0.0.1 and a free port, started for a test class and stopped after it. anvil comes from the npm
/// package in tools/chain (or PATH); when neither has it the tests fail with the install command: CI installs it, so a
/// missing node must not pass silently.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    public const string InstallCommand = "npm ci --prefix tools/chain";

    private readonly Process _process;

    private AnvilNode(Process process, int port)
    {
        _process = process;
        Port = port;
        Url = $"http://127.0.0.1:{port}";
        Rpc = new JsonRpcClient(new RpcClientOptions { Url = Url, MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(100) });
    }

    public int Port { get; }

    public string Url { get; }

    /// <summary>A client for the test's own calls (deploying, sending transactions, snapshots).</summary>
    public JsonRpcClient Rpc { get; }

    public static string ToolsDirectory => Path.Combine(SharedData.RepositoryRoot, "tools", "chain");

    public static async Task<AnvilNode> StartAsync(long chainId = 31337)
    {
        var executable = FindAnvil() ?? throw new InvalidOperationException(
            $"anvil is not installed: run '{InstallCommand}' in {SharedData.RepositoryRoot} (tests of Forecaster.Chain need a real local node).");
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", port.ToString(), "--chain-id", chainId.ToString(), "--silent" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new AnvilNode(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await node.Rpc.GetChainIdAsync();
                return node;
            }
            catch (ChainRpcException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task<string> FirstAccountAsync()
    {
        var accounts = await Rpc.CallAsync("eth_accounts", []);
        return accounts[0].GetString()!;
    }

    public async Task<string> SnapshotAsync() => (await Rpc.CallAsync("evm_snapshot", [])).GetString()!;

    public async Task RevertAsync(string snapshot)
    {
        var ok = await Rpc.CallAsync("evm_revert", [snapshot]);
        if (!ok.GetBoolean()) throw new InvalidOperationException($"evm_revert {snapshot} failed");
    }

    public Task MineAsync(int blocks = 1) => Rpc.CallAsync("anvil_mine", [$"0x{blocks:x}"]);

    /// <summary>Moves the clock forward for the next block (anvil's evm_increaseTime).</summary>
    public Task IncreaseTimeAsync(TimeSpan by) => Rpc.CallAsync("evm_increaseTime", [JsonValue.Create((long)by.TotalSeconds)]);

    /// <summary>The next block's timestamp (so tests can place events in chosen hours).</summary>
    public Task SetNextTimestampAsync(DateTimeOffset at) => Rpc.CallAsync("evm_setNextBlockTimestamp", [JsonValue.Create(at.ToUnixTimeSeconds())]);

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { /* already gone */ }
        _process.Dispose();
    }

    private static string? FindAnvil()
    {
        var local = Path.Combine(ToolsDirectory, "node_modules", ".bin", "anvil");
        if (File.Exists(local)) return local;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "anvil");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
