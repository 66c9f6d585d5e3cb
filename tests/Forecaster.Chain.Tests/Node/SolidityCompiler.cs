using System.Diagnostics;
using System.Text.Json;
using Forecaster.Testing;

namespace Forecaster.Chain.Tests.Node;

/// <summary>Compiles the test contracts with solc-js (tools/chain/compile.js): no compiler download, the npm package carries it.</summary>
public static class SolidityCompiler
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> MockPool = new(() => CompileAsync("MockAaveV3Pool.sol"));

    /// <summary>Creation bytecode of each contract in Contracts/MockAaveV3Pool.sol, by name.</summary>
    public static Task<IReadOnlyDictionary<string, string>> MockPoolAsync() => MockPool.Value;

    private static async Task<IReadOnlyDictionary<string, string>> CompileAsync(string file)
    {
        var source = Path.Combine(SharedData.RepositoryRoot, "tests", "Forecaster.Chain.Tests", "Contracts", file);
        var script = Path.Combine(AnvilNode.ToolsDirectory, "compile.js");
        if (!Directory.Exists(Path.Combine(AnvilNode.ToolsDirectory, "node_modules", "solc")))
            throw new InvalidOperationException($"solc-js is not installed: run '{AnvilNode.InstallCommand}' in {SharedData.RepositoryRoot}.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(source);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"solc-js failed on {file}: {await stderr}");
        using var json = JsonDocument.Parse(await stdout);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("bytecode").GetString()!);
    }
}
