using Forecaster.Modeling.TimeSeries.Ssa;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>SSA fit (window 48, automatic rank) plus a 24-step forecast for 1,000 series of 2,000 points each.</summary>
public sealed class SsaThousandSeriesWorkload : IWorkload
{
    private double[][] _series = [];

    /// <inheritdoc />
    public string Name => "ssa-1000x2000";

    /// <inheritdoc />
    public string Description => "SSA fit + 24-step forecast, 1,000 series x 2,000 points";

    /// <inheritdoc />
    public Task SetupAsync()
    {
        var random = new Random(11);
        _series = Enumerable.Range(0, 1000).Select(s =>
        {
            var period = 12 + s % 37;
            return Enumerable.Range(0, 2000).Select(t => 50 + 0.01 * t + 5 * Math.Sin(2 * Math.PI * t / period) + random.NextDouble()).ToArray();
        }).ToArray();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<(long Items, string Unit)> RunAsync()
    {
        var options = new SsaForecasterOptions { WindowSize = 48, SeriesLength = 96, TrainSize = 2000, Horizon = 24 };
        double checksum = 0;
        foreach (var series in _series)
            checksum += SsaForecastEngine.Fit(series, options).Predict().Forecast[^1];
        Console.WriteLine($"  mean last forecast {checksum / _series.Length:F3}");
        return Task.FromResult(((long)_series.Length, "series"));
    }
}
