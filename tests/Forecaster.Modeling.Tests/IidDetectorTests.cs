using Forecaster.Modeling.TimeSeries.Iid;
using Xunit;

namespace Forecaster.Modeling.Tests;

public sealed class IidDetectorTests
{
    [Fact]
    public void Process_FlagsSpikeWithTinyPValue_WhenValueFarOutsideHistory()
    {
        var values = Series.Gaussian(300, 1, 21);
        values[200] = 8;
        var detector = new IidSpikeDetector(new IidSpikeOptions { Confidence = 99.9, PValueHistoryLength = 100 });

        var points = values.Select(detector.Process).ToArray();

        Assert.True(points[200].Alert);
        Assert.True(points[200].PValue < 1e-6, $"p = {points[200].PValue}");
        Assert.InRange(points.Count(p => p.Alert), 1, 3);
    }

    [Fact]
    public void PValue_IsNearUniform_WhenValuesComeFromTheHistoryDistribution()
    {
        var values = Series.Gaussian(2000, 1, 4);
        var detector = new IidSpikeDetector(new IidSpikeOptions { PValueHistoryLength = 200 });

        var p = values.Select(detector.Process).Skip(200).Select(x => x.PValue).ToArray();

        // Under the null a p-value is uniform: about 10% fall below 0.1 and the mean is about 0.5.
        Assert.InRange(p.Count(x => x < 0.1) / (double)p.Length, 0.06, 0.14);
        Assert.InRange(p.Average(), 0.45, 0.55);
    }

    [Theory]
    [InlineData(MartingaleType.Power)]
    [InlineData(MartingaleType.Mixture)]
    public void Process_ScoreJumpsAfterLevelShiftAndNotBefore(MartingaleType martingale)
    {
        var values = Series.Gaussian(400, 1, 8);
        for (var i = 250; i < 400; i++) values[i] += 6;
        var detector = new IidChangePointDetector(new IidChangePointOptions { Confidence = 99, ChangeHistoryLength = 50, Martingale = martingale });

        var points = values.Select(detector.Process).ToArray();

        Assert.DoesNotContain(points.Take(250), p => p.Alert);
        Assert.True(points.Take(250).Max(p => p.LogMartingale) < Math.Log(100));
        var first = Array.FindIndex(points, p => p.Alert);
        Assert.InRange(first, 250, 256);
    }

    [Fact]
    public void Load_ContinuesIdentically_AfterSave()
    {
        var values = Series.Gaussian(300, 1, 9);
        for (var i = 200; i < 300; i++) values[i] += 5;
        var detector = new IidChangePointDetector(new IidChangePointOptions { Martingale = MartingaleType.Mixture });
        foreach (var v in values.Take(150)) detector.Process(v);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) detector.Save(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        var restored = IidChangePointDetector.Load(reader);

        foreach (var v in values.Skip(150)) Assert.Equal(detector.Process(v), restored.Process(v));
    }

    [Fact]
    public void Process_NoAlert_WhenSeriesIsFlat()
    {
        var detector = new IidSpikeDetector(new IidSpikeOptions());
        Assert.DoesNotContain(Enumerable.Repeat(3.0, 200).Select(detector.Process), p => p.Alert);
    }
}
