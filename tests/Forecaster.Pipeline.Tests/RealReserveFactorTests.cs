using System.Text.Json;
using Forecaster.Ingest.Snapshots;
using Forecaster.Markets.ReserveFactors;
using Forecaster.Recommend;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// Reserve factors read from real Aave v2 rates, and proposals for real Aave v2 markets, which have no borrow caps.
/// </summary>
public sealed class RealReserveFactorTests
{
    [Theory]
    // Measured before these bounds were written (median of the 7 days of fresh hours before each date): 0.075 in June 2021
    // (Aave's 10%, read low because some USDC debt then paid a higher stable rate), 0.850 in November 2024 (the raised
    // reserve factors of v2's wind-down) and 0.701 in June 2025 (the rates show 70% in force from about April to October 2025).
    [InlineData("2021-06-27T00:00:00Z", 0.05, 0.12)]
    [InlineData("2024-11-05T12:00:00Z", 0.80, 0.90)]
    [InlineData("2025-06-01T00:00:00Z", 0.65, 0.75)]
    public async Task Estimate_ReadsTheReserveFactorInForce_FromRealUsdcRates(string asOfText, double low, double high)
    {
        var path = SharedData.Require("aave-v2-hourly", "aave_v2_usdc.csv.gz");
        var market = (await SnapshotFileLoader.LoadAsync([path], cancellationToken: TestContext.Current.CancellationToken)).Single();
        var asOf = DateTimeOffset.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);

        var e = ReserveFactorEstimator.Default.Estimate(market.Hours, asOf);

        Assert.NotNull(e);
        Assert.InRange(e.ReserveFactor, low, high);
        Assert.True(e.To <= asOf);
        Assert.True(e.From > asOf - ReserveFactorEstimator.Default.Window);
    }

    [Fact]
    public async Task CreateAsync_ProposesNoBorrowCap_ForRealAaveV2Usdc_AndStartsFromItsEstimatedReserveFactor()
    {
        using var temp = new TempDirectory("propose-v2");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SnapshotIngestor(store).IngestAsync([SharedData.Require("aave-v2-hourly", "aave_v2_usdc.csv.gz")], new SnapshotIngestOptions(), ct);

        // Utilization 91.9% then, with $8.6M withdrawable against a larger target: a proposal that once asked for a cap.
        var result = await new ProposalService(store).CreateAsync(new ProposalOptions
        {
            OutputDirectory = temp.File("out"),
            AsOf = new DateTimeOffset(2024, 11, 5, 12, 0, 0, TimeSpan.Zero),
        }, ct);

        var (proposal, path) = Assert.Single(result.Proposals);
        var r = proposal.Recommendation;
        Assert.Equal("aave-v2", proposal.Risk.Market.Protocol);
        Assert.True(r.Target.GapUsd > 0);
        Assert.DoesNotContain(r.Changes, c => c.Parameter == "borrowCap");
        Assert.InRange(r.Parameters.ReserveFactor, 0.80, 0.90);
        Assert.NotNull(r.Parameters.ReserveFactorEstimate);
        // At 85% the reserve factor is already above the 50% the engine ever asks for: no "raise it to 12.5%".
        Assert.DoesNotContain(r.Changes, c => c.Parameter == "reserveFactor");
        var markdown = await File.ReadAllTextAsync(path, ct);
        Assert.DoesNotContain("| borrowCap |", markdown);
        Assert.Contains("aave-v2 has no borrow caps", markdown);
        Assert.Contains("Reserve factor in force: 85.0 %", markdown);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".json"), ct));
        Assert.Equal("estimated", json.RootElement.GetProperty("reserveFactor").GetProperty("source").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("parameter").GetString() == "borrowCap");
        // Two notes: why no raise of the reserve factor, and why no cap.
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("The reserve factor in force (85.0 %) is at or above the 50 %", notes[0]);
        Assert.Contains("no borrow caps", notes[1]);
    }
}
