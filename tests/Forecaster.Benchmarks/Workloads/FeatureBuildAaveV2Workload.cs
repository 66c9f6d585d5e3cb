using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Forecaster.EarlyWarning;
using Forecaster.Modeling.Features;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// One early-warning feature build over the four shared Aave v2 markets (every column, as each backtest does once),
/// and, timed apart, the first-passage probability alone, so the cost of that column is known. Prints a SHA-256 of every
/// feature value, so a change meant only to make the build faster can show that it changed no output.
/// </summary>
public sealed class FeatureBuildAaveV2Workload : IWorkload
{
    private IReadOnlyList<MarketHistory> _markets = [];

    public string Name => "feature-build-aave-v2";

    public string Description => "early-warning feature build over the four aave-v2-hourly markets; the first-passage column timed apart";

    public async Task SetupAsync() => _markets = await BacktestAaveV2Workload.LoadMarketsAsync();

    public Task<(long Items, string Unit)> RunAsync()
    {
        var definition = new ShortfallDefinition();
        var horizon = (int)definition.Horizon.TotalHours;
        var stopwatch = Stopwatch.StartNew();
        var features = ShortfallFeatureBuilder.Build(_markets, definition.ShortfallUtilization, horizon);
        var build = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        foreach (var market in _markets) FirstPassageProbability.Compute(market.Hours, definition.ShortfallUtilization, horizon);
        Console.WriteLine($"feature build {build:F2} s, of which the first-passage column alone takes {stopwatch.Elapsed.TotalSeconds:F2} s");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var market in features) hash.AppendData(MemoryMarshal.AsBytes(market.Values.AsSpan()));
        Console.WriteLine($"features sha256 {Convert.ToHexString(hash.GetHashAndReset())}");
        return Task.FromResult((_markets.Sum(m => (long)m.Hours.Count), "market-hours"));
    }
}
