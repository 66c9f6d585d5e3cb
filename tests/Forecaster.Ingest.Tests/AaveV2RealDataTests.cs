using Forecaster.Ingest.Snapshots;
using Forecaster.Markets;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Ingest.Tests;

/// <summary>Ingests the shared real Aave v2 files and checks facts known about them (see ../shared/data/README.md).</summary>
public class AaveV2RealDataTests
{
    [Fact]
    public async Task IngestAsync_StoresTheFourRealMarkets_WithTheKnownJune2022UsdtShortfall()
    {
        var files = SharedData.AaveV2Files();
        using var temp = new TempDirectory("real");
        await using var store = DuckDbMarketStore.Open(temp.File("store.duckdb"));
        var ct = TestContext.Current.CancellationToken;

        var summary = await new SnapshotIngestor(store).IngestAsync(files, new SnapshotIngestOptions(), ct);

        Assert.Equal(["aave_v2_usdc", "aave_v2_usdt", "aave_v2_dai", "aave_v2_weth"], summary.Markets.Select(m => m.Market));
        // Every row is accounted for: stored or skipped as pre-open, none rejected.
        foreach (var m in summary.Markets)
        {
            Assert.Equal(0, m.Rejected);
            Assert.Equal(m.RowsRead, m.Inserted + m.Cleaning.SkippedPreOpen);
            Assert.InRange(m.RowsRead, 44_000, 46_000);
        }
        Assert.Equal(44_995, summary.Markets.Single(m => m.Market == "aave_v2_usdt").RowsRead);
        Assert.True(summary.Markets.Single(m => m.Market == "aave_v2_usdt").Cleaning.Stale > 100, "USDT is known to have many forward-filled hours");

        var june18 = new DateTimeOffset(2022, 6, 18, 9, 0, 0, TimeSpan.Zero);
        var usdt = await store.GetHoursAsync("aave_v2_usdt", june18.AddHours(-1), june18, ct);
        Assert.Equal(2, usdt.Count);
        Assert.True(usdt[1].Utilization >= 0.999, $"USDT utilization at {june18:u} was {usdt[1].Utilization}");
        Assert.True(usdt[0].SuppliedUsd - usdt[1].SuppliedUsd > 200e6, "about $200M left within the hour");
        Assert.True(usdt[1].Has(DataQuality.UtilizationAboveOne));

        var usdc = await store.GetHoursAsync("aave_v2_usdc", new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 5, 31, 0, 0, 0, TimeSpan.Zero), ct);
        Assert.True(usdc.Max(h => h.SuppliedUsd) > 3.0e9 && usdc.Min(h => h.SuppliedUsd) < 1.9e9, "USDC deposits fell from about $3.15B to $1.81B around Terra");
    }
}
