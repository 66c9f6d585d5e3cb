using Forecaster.Markets;
using Forecaster.Publish.Brief;
using Forecaster.Risk;
using Xunit;

namespace Forecaster.Publish.Tests;

public sealed class BriefChangeDetectorTests
{
    private static readonly DateTimeOffset T = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compare_ReportsNewGoneAndWorse_RiskierFirst()
    {
        var brief = new MorningBrief(T, T, 0.98, [Entry("a", MarketStatus.Green, 0.01, 0.5), Entry("b", MarketStatus.Red, 0.40, 0.96), Entry("new", MarketStatus.Amber, 0.06, 0.9)]);
        var previous = new PreviousBrief(T.AddDays(-1), "p.json", new Dictionary<string, PreviousMarketState>
        {
            ["a"] = new(MarketStatus.Green, 0.02, 0.51),
            ["b"] = new(MarketStatus.Amber, 0.10, 0.92),
            ["gone"] = new(MarketStatus.Green, 0.0, 0.3),
        });

        var changes = BriefChangeDetector.Compare(brief, previous);

        Assert.Equal(["b", "new", "gone"], changes.Select(c => c.Market));
        Assert.Equal("status amber → red; P(shortfall, 24 h) 10.0% → 40.0%", changes[0].Description);
        Assert.True(changes[0].Worse);
        Assert.True(changes[1].Worse);
        Assert.False(changes[2].Worse);
    }

    [Fact]
    public void Read_ThrowsNamingFile_WhenMarketsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"brief-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"asOf\": \"2025-06-01T00:00:00+00:00\" }");
        try
        {
            var e = Assert.Throws<ForecasterException>(() => PreviousBriefReader.Read(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("markets", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_RoundTripsStatusAndProbability_FromBriefJsonWriter()
    {
        var brief = new MorningBrief(T, T, 0.98, [Entry("b", MarketStatus.Red, 0.40, 0.96)]);
        var path = Path.Combine(Path.GetTempPath(), $"brief-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, BriefJsonWriter.ToJson(brief));
        try
        {
            var read = PreviousBriefReader.Read(path);
            Assert.Equal(T, read.AsOf);
            Assert.Equal(new PreviousMarketState(MarketStatus.Red, 0.40, 0.96), read.Markets["b"]);
        }
        finally { File.Delete(path); }
    }

    private static MarketBriefEntry Entry(string name, MarketStatus status, double p, double utilization)
    {
        var market = new Market(name, "test", "test", "USDC");
        var hour = new MarketHour(T, 100, 100 * utilization, 0, 1, 2, DataQuality.None, T.ToUnixTimeSeconds(), 0);
        var a = new MarketRiskAssessment(market, T, hour, [new LiquidityForecast(TimeSpan.FromHours(24), 10, 5, 15, 0.9)], p, status, "test");
        return new MarketBriefEntry(market, a, null, null);
    }
}
