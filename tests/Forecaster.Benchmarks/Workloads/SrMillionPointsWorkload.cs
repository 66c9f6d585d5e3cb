using Forecaster.Modeling.TimeSeries.SpectralResidual;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>Streaming spectral residual (window 64, ML.NET's defaults) over 1,000,000 points of a noisy daily cycle.</summary>
public sealed class SrMillionPointsWorkload : IWorkload
{
    private double[] _values = [];

    /// <inheritdoc />
    public string Name => "sr-1m";

    /// <inheritdoc />
    public string Description => "Streaming SR (window 64) over 1,000,000 points";

    /// <inheritdoc />
    public Task SetupAsync()
    {
        var random = new Random(7);
        _values = new double[1_000_000];
        for (var i = 0; i < _values.Length; i++)
            _values[i] = 100 + 10 * Math.Sin(2 * Math.PI * i / 288) + random.NextDouble() + (i % 50_000 == 0 ? 30 : 0);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<(long Items, string Unit)> RunAsync()
    {
        var detector = new SrStreamingDetector(new SrCnnOptions());
        var alerts = 0;
        foreach (var v in _values)
            if (detector.Process(v).Alert) alerts++;
        Console.WriteLine($"  {alerts} alerts");
        return Task.FromResult(((long)_values.Length, "points"));
    }
}
