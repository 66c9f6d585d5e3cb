using Forecaster.Modeling.TimeSeries.SpectralResidual;
using Xunit;

namespace Forecaster.Modeling.Tests;

public sealed class SrDetectorTests
{
    private static double[] WithSpike(int count, int at, double height)
    {
        var values = Series.Add(Series.Sinusoids(count), Series.Gaussian(count, 0.05, 5));
        values[at] += height;
        return values;
    }

    [Fact]
    public void Process_AlertsOnlyAtInjectedSpike_WhenSeriesIsNoisyLevel()
    {
        var values = Series.Gaussian(400, 1, 5).Select(v => 100 + v).ToArray();
        values[300] += 8;
        var detector = new SrStreamingDetector(new SrCnnOptions());

        var points = values.Select(detector.Process).ToArray();

        Assert.True(points[300].Alert, $"score at spike {points[300].Score}");
        Assert.Equal(300, Array.IndexOf(points, points.MaxBy(p => p.Score)));
        Assert.Equal([300], points.Select((p, i) => (p, i)).Where(x => x.p.Alert).Select(x => x.i));
    }

    [Fact]
    public void Process_NeverAlerts_WhenSeriesIsFlat()
    {
        var detector = new SrStreamingDetector(new SrCnnOptions());

        var points = Enumerable.Repeat(42.0, 500).Select(detector.Process).ToArray();

        Assert.DoesNotContain(points, p => p.Alert);
        Assert.All(points, p => Assert.True(Math.Abs(p.Score) < 1e-6));
    }

    [Fact]
    public void Load_ContinuesIdentically_AfterSave()
    {
        var values = WithSpike(300, 250, 4);
        var detector = new SrStreamingDetector(new SrCnnOptions { WindowSize = 48 });
        foreach (var v in values.Take(200)) detector.Process(v);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) detector.Save(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        var restored = SrStreamingDetector.Load(reader);

        foreach (var v in values.Skip(200)) Assert.Equal(detector.Process(v), restored.Process(v));
    }

    [Fact]
    public void Detect_FlagsSpikeWithExpectedValueNearSignal_WhenWholeSeries()
    {
        var values = WithSpike(600, 450, 5);
        var clean = Series.Sinusoids(600);

        var points = SrBatchDetector.Detect(values, new SrBatchOptions { BatchSize = -1 });

        Assert.True(points[450].Alert);
        Assert.Equal(450, Array.IndexOf(points, points.MaxBy(p => p.Score)));
        Assert.True(points.Count(p => p.Alert) <= 3, $"{points.Count(p => p.Alert)} alerts");
        Assert.Equal(clean[450], points[450].ExpectedValue, 0.3);
        Assert.True(points[450].Upper < values[450]);
    }

    [Fact]
    public void Detect_MarginsNarrow_WhenSensitivityRises()
    {
        var values = WithSpike(300, 200, 5);

        var low = SrBatchDetector.Detect(values, new SrBatchOptions { Sensitivity = 10 });
        var high = SrBatchDetector.Detect(values, new SrBatchOptions { Sensitivity = 99 });

        Assert.True(high[100].Upper - high[100].Lower < (low[100].Upper - low[100].Lower) / 2.5);
    }

    [Fact]
    public void Detect_ScoresShortLastBatch_WhenSeriesIsNotAMultipleOfBatch()
    {
        var values = WithSpike(1030, 1025, 5);

        var points = SrBatchDetector.Detect(values, new SrBatchOptions { BatchSize = 512 });

        Assert.Equal(1030, points.Length);
        Assert.True(points[1025].Alert);
    }
}
