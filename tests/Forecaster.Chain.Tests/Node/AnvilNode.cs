using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forecaster.Chain.Rpc;
using Forecaster.Testing;

namespace Forecaster.Chain.Tests.Node;

/// <summary>
/// A real anvil node on 127.0.0.1 and a port of its own, started for a test and stopped after it. anvil comes from the npm
/// package in tools/chain (or PATH); when neither has it the tests fail with the install command: CI installs it, so a
/// missing node must not pass silently.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    public const string InstallCommand = "npm ci --prefix tools/chain";

    private static readonly Regex ListeningLine = new(@"^Listening on 127\.0\.0\.1:(\d+)$", RegexOptions.CultureInvariant);

    private readonly Process _process;
    private readonly TempDirectory _cache;

    private AnvilNode(Process process, int port, TempDirectory cache)
    {
        _process = process;
        _cache = cache;
        Port = port;
        Url = $"http://127.0.0.1:{port}";
        // No retries: most of the test's own calls change the chain (transactions, anvil_mine, evm_revert), and a call retried
        // after its answer was lost would run twice. The node is local and listening, so a failed call is a failure.
        Rpc = new JsonRpcClient(new RpcClientOptions { Url = Url, MaxRetries = 0 });
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
        // The node's own state cache (block states it evicts from memory), removed with the node: by default anvil puts it in
        // ~/.foundry/anvil/tmp and never deletes it, and that folder is shared with every other anvil on the machine.
        var cache = new TempDirectory("forecaster-anvil-cache");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Port 0: anvil binds a port the kernel chooses and prints "Listening on 127.0.0.1:PORT" once it accepts connections.
        // Choosing a free port here and passing it on left a window between releasing it and anvil binding it in which another
        // node could take the same port (tests run in parallel, and other test runs share the machine); this node then failed
        // to bind and exited, while the readiness check, answered by the other node on that port, reported it ready: two tests
        // drove one chain, one's snapshots and clock jumps landing in the other's blocks.
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", "0", "--chain-id", chainId.ToString(), "--cache-path", cache.Path })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var listening = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously); // null: output ended
        var startOutput = new StringBuilder(); // what anvil printed before listening, for the error when it does not get there
        process.OutputDataReceived += (_, e) =>
        {
            if (listening.Task.IsCompleted) return; // from here on anvil logs each call: read and dropped
            if (e.Data is null) listening.TrySetResult(null);
            else if (ListeningLine.Match(e.Data) is { Success: true } match) listening.TrySetResult(int.Parse(match.Groups[1].Value));
            else lock (startOutput) startOutput.AppendLine(e.Data);
        };
        // Error lines count until anvil listens: when it exits instead, they may arrive after its standard output has ended.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && listening.Task is not { IsCompletedSuccessfully: true, Result: not null }) lock (startOutput) startOutput.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string failure;
        try
        {
            // The limit only turns a node that hangs at start-up into an error; anvil starts in well under a second.
            if (await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)) is { } port) return new AnvilNode(process, port, cache);
            await process.WaitForExitAsync(); // its error output read to the end
            failure = $"exited with code {process.ExitCode} before listening";
        }
        catch (TimeoutException)
        {
            failure = "did not report listening within 60 s";
        }
        process.Kill(entireProcessTree: true);
        process.Dispose();
        cache.Dispose();
        throw new InvalidOperationException($"{executable} {failure}: {Printed(startOutput)}");
    }

    private static string Printed(StringBuilder output)
    {
        lock (output) return output.Length == 0 ? "(nothing printed)" : output.ToString().Trim();
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
        _cache.Dispose();
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
}
