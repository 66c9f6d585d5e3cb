using Forecaster.Ingest.Snapshots;
using Forecaster.Modeling.Features;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>Reads shared snapshot files into market histories the way the backtest command does (strict, cleaned).</summary>
internal static class SnapshotMarkets
{
    private static readonly Lazy<IReadOnlyList<MarketHistory>> AaveV2 = new(() => Testing.SharedData.AaveV2Files().Select(Read).ToArray());

    public static IReadOnlyList<MarketHistory> AaveV2Markets()
    {
        Testing.SharedData.AaveV2Files(); // skips when absent
        return AaveV2.Value;
    }

    public static MarketHistory Read(string path)
    {
        var loaded = SnapshotFileLoader.LoadAsync([path]).GetAwaiter().GetResult().Single();
        return new MarketHistory(loaded.Market.Name, loaded.Hours);
    }
}
