using System.Xml.Linq;
using Forecaster.Publish.Charts;
using Forecaster.Publish.Inputs;
using Forecaster.Risk;
using ScottPlot;
using Xunit;

namespace Forecaster.Publish.Tests;

public sealed class ChartSanityTests
{
    public static TheoryData<string> Kinds => new() { "fan", "utilization", "probability", "flows", "stress", "heatmap" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Save_WritesNonBlankPngAndSvgOfExpectedSize_ForEveryChart(string kind)
    {
        var (plot, size) = Build(kind);
        var name = $"{nameof(Save_WritesNonBlankPngAndSvgOfExpectedSize_ForEveryChart)}_{kind}";

        var (png, svg) = ChartFiles.Save(plot, TestOutput.Folder, name, size);

        using var pixels = new PixelStats(Path.Combine(TestOutput.Folder, png));
        Assert.Equal(size.Width, pixels.Width);
        Assert.Equal(size.Height, pixels.Height);
        // A white canvas has variance 0; a chart with axes, text and data is far above 100.
        Assert.True(pixels.LuminanceVariance() > 100, $"{kind}: luminance variance {pixels.LuminanceVariance():F1} says the image is (nearly) blank.");
        Assert.True(pixels.DistinctColors() > 20, $"{kind}: only {pixels.DistinctColors()} colours.");
        var root = XDocument.Load(Path.Combine(TestOutput.Folder, svg)).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(size.Width.ToString(), root.Attribute("width")?.Value);
        Assert.Equal(size.Height.ToString(), root.Attribute("height")?.Value);
    }

    [Fact]
    public void Fan_BandsContainTheMedian_WhenBuiltFromTheBaseline()
    {
        var m = SimulatedMarkets.Usdc;
        var fan = BaselineChartInputs.Fan(m.Market, m.Hours, SimulatedMarkets.LastHour, 14, 0.98);

        Assert.Equal(BaselineChartInputs.FanHorizons.Length + 1, fan.Forecast.Count);
        Assert.All(fan.Forecast, p => Assert.True(p.IsNested, $"{p} does not nest around its median."));
        // The bands must actually open up after the as-of hour, otherwise "containing" the median is vacuous.
        Assert.True(fan.Forecast[^1].Upper90Usd - fan.Forecast[^1].Lower90Usd > fan.Forecast[^1].Upper50Usd - fan.Forecast[^1].Lower50Usd);
        Assert.True(fan.Forecast[^1].Upper50Usd > fan.Forecast[^1].Lower50Usd);
    }

    [Fact]
    public void Fan_DrawsBandAroundMedianAndNothingAboveIt_WhenRendered()
    {
        var m = SimulatedMarkets.Usdc;
        var fan = BaselineChartInputs.Fan(m.Market, m.Hours, SimulatedMarkets.LastHour, 14, 0.98);
        var plot = FanChart.Create(fan);
        var path = TestOutput.File(nameof(Fan_DrawsBandAroundMedianAndNothingAboveIt_WhenRendered), "png");
        plot.SavePng(path, FanChart.Size.Width, FanChart.Size.Height);

        var point = fan.Forecast[^2];
        var scale = UsdScale.For(fan.HistoryUsd.Select(Math.Abs).Concat(fan.Forecast.Select(p => p.Upper90Usd)).Append(fan.ShortfallLevelUsd).Max());
        var x = UtcDateAxis.X(point.Time);
        var inside50 = plot.GetPixel(new Coordinates(x, scale.Apply((point.MedianUsd + point.Upper50Usd) / 2)));
        var inside90 = plot.GetPixel(new Coordinates(x, scale.Apply((point.Upper50Usd + point.Upper90Usd) / 2)));
        var above = plot.GetPixel(new Coordinates(x, scale.Apply(point.Upper90Usd + (point.Upper90Usd - point.MedianUsd))));
        using var pixels = new PixelStats(path);
        var c50 = pixels.At((int)inside50.X, (int)inside50.Y);
        var c90 = pixels.At((int)inside90.X, (int)inside90.Y);
        var cAbove = pixels.At((int)above.X, (int)Math.Max(above.Y, 1));

        // Forecast purple tints: blue above green inside the bands; the 50% band darker than the 90% band; plain background above.
        Assert.True(c50.Blue > c50.Green + 20, $"50% band pixel {c50} is not tinted.");
        Assert.True(c90.Blue > c90.Green + 5, $"90% band pixel {c90} is not tinted.");
        Assert.True(Lum(c50) < Lum(c90), $"50% band {c50} should be darker than the 90% band {c90}.");
        Assert.True(Math.Abs(cAbove.Blue - cAbove.Green) < 8, $"Pixel above the 90% band {cAbove} should be background.");
    }

    [Fact]
    public void FanData_Validate_Throws_WhenBandsDoNotContainMedian()
    {
        var t = SimulatedMarkets.LastHour;
        var data = new FanChartData("x", [], [], [new FanChartPoint(t, 10, 11, 12, 9, 13)], 1, "test");

        var e = Assert.Throws<ArgumentException>(() => FanChart.Create(data));
        Assert.Contains("nest", e.Message);
    }

    [Fact]
    public void Utilization_ShadesAlertPeriodRed_WhenGivenRedAlert()
    {
        var t0 = SimulatedMarkets.LastHour - TimeSpan.FromDays(30);
        var times = Enumerable.Range(0, 30 * 24).Select(h => t0.AddHours(h)).ToList();
        var alert = new AlertPeriod(t0.AddDays(10), t0.AddDays(20), Red: true);
        var data = new UtilizationChartData("test", times, times.Select(_ => 0.5).ToList(), 0.98, 0.9, [t0.AddDays(25)], [alert]);
        var plot = UtilizationChart.Create(data);
        var path = TestOutput.File(nameof(Utilization_ShadesAlertPeriodRed_WhenGivenRedAlert), "png");
        plot.SavePng(path, UtilizationChart.Size.Width, UtilizationChart.Size.Height);

        var inAlert = plot.GetPixel(new Coordinates(UtcDateAxis.X(t0.AddDays(15)), 25));
        var outside = plot.GetPixel(new Coordinates(UtcDateAxis.X(t0.AddDays(5)), 25));
        using var pixels = new PixelStats(path);
        var cIn = pixels.At((int)inAlert.X, (int)inAlert.Y);
        var cOut = pixels.At((int)outside.X, (int)outside.Y);
        Assert.True(cIn.Red > cIn.Green + 15, $"Pixel inside the red alert {cIn} is not red-tinted.");
        Assert.True(Math.Abs(cOut.Red - cOut.Green) < 8, $"Pixel outside the alert {cOut} should be background.");
    }

    [Theory]
    [InlineData(0.01, "green")]
    [InlineData(0.10, "amber")]
    [InlineData(0.40, "red")]
    public void RiskColormap_AgreesWithStatusPolicy_ForProbability(double probability, string expected)
    {
        var c = new RiskColormap().GetColor(probability);
        // Green dominates in greens; orange has green far above blue; reds and pinks have green close to blue.
        var actual = c.G > c.R ? "green" : c.G - c.B > 40 ? "amber" : "red";
        Assert.Equal(expected, actual);
        Assert.Equal(expected, StatusPolicy.Default.Classify(probability, 0).ToString().ToLowerInvariant());
    }

    private static double Lum(SkiaSharp.SKColor c) => 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;

    private static (Plot Plot, (int Width, int Height) Size) Build(string kind)
    {
        var m = SimulatedMarkets.Usdc;
        var asOf = SimulatedMarkets.LastHour;
        var history = BaselineChartInputs.ProbabilityHistory(m.Market, m.Hours, asOf, 30);
        return kind switch
        {
            "fan" => (FanChart.Create(BaselineChartInputs.Fan(m.Market, m.Hours, asOf, 14, 0.98)), FanChart.Size),
            "utilization" => (UtilizationChart.Create(BaselineChartInputs.Utilization(m.Market, m.Hours, asOf - TimeSpan.FromDays(90), 0.98, 0.9, [], BaselineChartInputs.Alerts(history))), UtilizationChart.Size),
            "probability" => (ShortfallProbabilityChart.Create(BaselineChartInputs.Probability(m.Market, history, 0.05)), ShortfallProbabilityChart.Size),
            "flows" => (FlowDecompositionChart.Create(BaselineChartInputs.Flows(m.Market, m.Hours, asOf - TimeSpan.FromDays(7))), FlowDecompositionChart.Size),
            "stress" => (StressCoverageChart.Create(BaselineChartInputs.Stress(m.Market, m.Hours, asOf, TimeSpan.FromDays(180))), StressCoverageChart.Size),
            "heatmap" => HeatMap(asOf),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static (Plot, (int, int)) HeatMap(DateTimeOffset asOf)
    {
        var rows = SimulatedMarkets.Default.Select(s => (s.Market.Name, BaselineChartInputs.ProbabilityHistory(s.Market, s.Hours, asOf, 30))).ToList();
        return (RiskHeatMapChart.Create(BaselineChartInputs.HeatMap(rows, asOf, 30)), RiskHeatMapChart.SizeFor(rows.Count));
    }
}
