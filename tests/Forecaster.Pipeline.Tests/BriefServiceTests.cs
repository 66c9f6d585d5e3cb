using System.Text.Json;
using Forecaster.Markets;
using Forecaster.Risk;
using Forecaster.Simulation;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

public class BriefServiceTests
{
    [Fact]
    public async Task CreateAsync_WritesMarkdownJsonAndAChartPerMarket_RiskiestFirst()
    {
        using var temp = new TempDirectory("brief");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = 4, Days = 120 }, ct);

        var result = await new BriefService(store).CreateAsync(new BriefOptions { OutputDirectory = temp.File("out") }, ct);

        Assert.Equal(temp.File(Path.Combine("out", result.Brief.AsOf.ToString("yyyy-MM-dd"))), result.Directory);
        Assert.Equal(4, result.Brief.Entries.Count);
        foreach (var e in result.Brief.Entries)
        {
            Assert.NotNull(e.Assessment);
            Assert.True(new FileInfo(Path.Combine(result.Directory, e.ChartFile!)).Length > 10_000, "chart PNG written");
        }
        var keys = result.Brief.Entries.Select(e => ((int)e.Assessment!.Status, e.Assessment.ShortfallProbability24h)).ToList();
        Assert.Equal(keys.OrderByDescending(k => k.Item1).ThenByDescending(k => k.ShortfallProbability24h), keys);

        var markdown = await File.ReadAllTextAsync(result.MarkdownPath, ct);
        Assert.Contains("SIMULATED DATA", markdown);
        Assert.Contains(result.Brief.Entries[0].Market.Name, markdown);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(result.JsonPath, ct));
        Assert.True(json.RootElement.GetProperty("simulatedData").GetBoolean());
        var first = json.RootElement.GetProperty("markets")[0];
        Assert.Equal(result.Brief.Entries[0].Market.Name, first.GetProperty("name").GetString());
        Assert.Equal(2, first.GetProperty("forecasts").GetArrayLength());
        Assert.Equal(72, first.GetProperty("forecasts")[1].GetProperty("horizonHours").GetInt32());
    }

    [Fact]
    public async Task CreateAsync_UsesOnlyDataUpToAsOf()
    {
        using var temp = new TempDirectory("brief");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = 1, Days = 120 }, ct);
        var asOf = SimulationOptions.Defaults.Start.AddDays(100);

        var result = await new BriefService(store).CreateAsync(new BriefOptions { OutputDirectory = temp.File("out"), AsOf = asOf }, ct);

        var entry = Assert.Single(result.Brief.Entries);
        Assert.Equal(asOf, entry.Assessment!.Current.Hour);
        Assert.EndsWith(asOf.ToString("yyyy-MM-dd"), result.Directory);
    }

    [Fact]
    public async Task CreateAsync_ReportsAMarketWithTooLittleHistory_InsteadOfFailingTheBrief()
    {
        using var temp = new TempDirectory("brief");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = 1, Days = 60 }, ct);
        var t0 = SimulationOptions.Defaults.Start.AddDays(59);
        await store.UpsertAsync([new Forecaster.Pipeline.MarketBatch(Market.FromName("new_usdc"),
            [new MarketHour(t0, 100, 10, 0, 1, 2, DataQuality.None, t0.ToUnixTimeSeconds(), 1)])], ct);

        var result = await new BriefService(store).CreateAsync(new BriefOptions { OutputDirectory = temp.File("out") }, ct);

        var fresh = result.Brief.Entries.Single(e => e.Market.Name == "new_usdc");
        Assert.Null(fresh.Assessment);
        Assert.Contains("usable hours of history", fresh.Problem);
        Assert.Equal("new_usdc", result.Brief.Entries[^1].Market.Name);
    }

    [Fact]
    public async Task CreateAsync_Fails_WhenTheStoreIsEmpty()
    {
        using var temp = new TempDirectory("brief");
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        var error = await Assert.ThrowsAsync<ForecasterException>(() => new BriefService(store).CreateAsync(new BriefOptions { OutputDirectory = temp.File("out") }, TestContext.Current.CancellationToken));
        Assert.Contains("no markets", error.Message);
    }
}
