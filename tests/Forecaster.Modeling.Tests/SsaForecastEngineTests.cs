using Forecaster.Modeling.Persistence;
using Forecaster.Modeling.TimeSeries.Ssa;
using Xunit;

namespace Forecaster.Modeling.Tests;

public sealed class SsaForecastEngineTests
{
    private static SsaForecasterOptions Options(int window = 40, int train = 400, int horizon = 24) =>
        new() { WindowSize = window, SeriesLength = 2 * window, TrainSize = train, Horizon = horizon };

    [Fact]
    public void Predict_MatchesSumOfSinusoidsWithin1e6_WhenNoiseless()
    {
        var series = Series.Sinusoids(424);
        var engine = SsaForecastEngine.Fit(series.AsSpan(0, 400), Options());

        var forecast = engine.Predict();

        Assert.Equal(4, engine.Rank);
        for (var h = 0; h < 24; h++) Assert.Equal(series[400 + h], forecast.Forecast[h], 1e-6);
    }

    [Fact]
    public void Predict_ContinuesLinearTrendWithin1e6_WhenNoiseless()
    {
        var series = Enumerable.Range(0, 224).Select(t => 3 + 0.5 * t).ToArray();
        var engine = SsaForecastEngine.Fit(series.AsSpan(0, 200), Options(window: 20, train: 200));

        var forecast = engine.Predict();

        Assert.Equal(2, engine.Rank);
        for (var h = 0; h < 24; h++) Assert.Equal(series[200 + h], forecast.Forecast[h], 1e-6);
    }

    [Fact]
    public void Predict_TracksNewObservations_WhenUpdatedAfterFit()
    {
        var series = Series.Sinusoids(700);
        var engine = SsaForecastEngine.Fit(series.AsSpan(0, 400), Options());
        for (var t = 400; t < 650; t++) engine.Update(series[t]);

        var forecast = engine.Predict(10);

        for (var h = 0; h < 10; h++) Assert.Equal(series[650 + h], forecast.Forecast[h], 1e-6);
    }

    [Fact]
    public void Predict_IntervalWidensWithNoise_WhenNoiseGrows()
    {
        var signal = Series.Sinusoids(600);
        double Width(double sigma)
        {
            var engine = SsaForecastEngine.Fit(Series.Add(signal, Series.Gaussian(600, sigma, 7)), Options(train: 600));
            var f = engine.Predict(1);
            return f.Upper[0] - f.Lower[0];
        }

        var narrow = Width(0.05);
        var wide = Width(0.5);

        Assert.InRange(wide / narrow, 6, 14);
        // 95% two-sided normal interval: half-width ≈ 1.96σ for one step ahead.
        Assert.InRange(wide, 2 * 1.96 * 0.5 * 0.9, 2 * 1.96 * 0.5 * 1.25);
    }

    [Fact]
    public void Predict_IntervalCoversAboutNominalShare_OnHeldOutNoisyPoints()
    {
        var noisy = Series.Add(Series.Sinusoids(2600), Series.Gaussian(2600, 0.3, 11));
        var options = Options(window: 48, train: 600);
        options.ConfidenceLevel = 0.9;
        var engine = SsaForecastEngine.Fit(noisy, options);

        int covered = 0, total = 0;
        for (var t = 600; t < 2600; t++)
        {
            var f = engine.Predict(1);
            if (noisy[t] >= f.Lower[0] && noisy[t] <= f.Upper[0]) covered++;
            total++;
            engine.Update(noisy[t]);
        }

        Assert.InRange(covered / (double)total, 0.86, 0.94);
    }

    [Fact]
    public void Restore_GivesIdenticalForecasts_AfterCheckPoint()
    {
        var noisy = Series.Add(Series.Sinusoids(600), Series.Gaussian(600, 0.2, 3));
        var options = Options(train: 400);
        options.IsAdaptive = true;
        options.DiscountFactor = 0.99;
        var engine = SsaForecastEngine.Fit(noisy, options);
        for (var t = 400; t < 500; t++) engine.Update(noisy[t]);
        using var stream = new MemoryStream();

        engine.CheckPoint(stream);
        stream.Position = 0;
        var restored = SsaForecastEngine.Restore(stream);
        for (var t = 500; t < 600; t++) { engine.Update(noisy[t]); restored.Update(noisy[t]); }

        var expected = engine.Predict();
        var actual = restored.Predict();
        Assert.Equal(expected.Forecast, actual.Forecast);
        Assert.Equal(expected.Lower, actual.Lower);
        Assert.Equal(expected.Upper, actual.Upper);
    }

    [Fact]
    public void Restore_Throws_WhenStreamHoldsAnotherFormatVersion()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) StateHeader.Write(writer, "ssa", 99);
        stream.Position = 0;

        var error = Assert.Throws<ModelFormatException>(() => SsaForecastEngine.Restore(stream));

        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public void Update_ChangesModel_WhenAdaptive()
    {
        var first = Series.Sinusoids(400);
        var changed = Enumerable.Range(0, 400).Select(t => 2 * Math.Sin(2 * Math.PI * t / 7)).ToArray();
        var options = Options();
        options.IsAdaptive = true;
        options.DiscountFactor = 0.9;
        var adaptive = SsaForecastEngine.Fit(first, options);
        options.IsAdaptive = false;
        var fixedEngine = SsaForecastEngine.Fit(first, options);
        foreach (var v in changed) { adaptive.Update(v); fixedEngine.Update(v); }

        var truth = Enumerable.Range(400, 5).Select(t => 2 * Math.Sin(2 * Math.PI * t / 7)).ToArray();
        var adaptiveError = adaptive.Predict(5).Forecast.Zip(truth, (f, y) => Math.Abs(f - y)).Max();
        var fixedError = fixedEngine.Predict(5).Forecast.Zip(truth, (f, y) => Math.Abs(f - y)).Max();

        Assert.True(adaptiveError < 1e-3, $"adaptive error {adaptiveError}");
        Assert.True(fixedError > 10 * adaptiveError, $"fixed error {fixedError}, adaptive {adaptiveError}");
    }

    [Fact]
    public void Fit_Throws_WhenSeriesShorterThanTwoWindows()
    {
        var error = Assert.Throws<ForecasterException>(() => SsaForecastEngine.Fit(new double[50], Options(window: 40)));
        Assert.Contains("80", error.Message);
    }

    [Fact]
    public void Stabilize_PullsExplodingRootOntoUnitCircle()
    {
        // y[n] = 1.1·y[n-1] grows; stabilised it must not.
        var stable = LinearRecurrence.Stabilize([1.1]);
        Assert.Equal(1.0, stable[0], 1e-12);
    }
}
