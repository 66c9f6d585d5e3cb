using System.Globalization;
using Forecaster.Modeling.TimeSeries.Iid;
using Forecaster.Modeling.TimeSeries.RelativeEntropy;
using Forecaster.Modeling.TimeSeries.SpectralResidual;
using Forecaster.Modeling.TimeSeries.Ssa;

namespace Forecaster.Modeling.TimeSeries.Data;

/// <summary>
/// Runs one algorithm over a series and writes its CSV: the body of <c>forecaster ts</c>, kept here so it is tested
/// without the CLI. Numbers use the invariant culture and round-trip precision.
/// </summary>
public static class TimeSeriesCsvWriter
{
    /// <summary>
    /// Fits SSA on the first TrainSize points, feeds it the rest, and writes <c>index,forecast,lower,upper</c> for the
    /// Horizon rows after the series (index continues the input's row index).
    /// </summary>
    /// <param name="values">The series.</param>
    /// <param name="options">SSA options; validated.</param>
    /// <param name="output">Destination.</param>
    public static void WriteSsa(double[] values, SsaForecasterOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var engine = SsaForecastEngine.Fit(values, options);
        for (var i = Math.Min(values.Length, options.TrainSize); i < values.Length; i++) engine.Update(values[i]);
        var forecast = engine.Predict();
        output.WriteLine("index,forecast,lower,upper");
        for (var h = 0; h < options.Horizon; h++)
            output.WriteLine(Invariant($"{values.Length + h},{forecast.Forecast[h]:R},{forecast.Lower[h]:R},{forecast.Upper[h]:R}"));
    }

    /// <summary>Streaming spectral residual: <c>index,alert,score,magnitude</c> for every row.</summary>
    /// <param name="values">The series.</param>
    /// <param name="options">SR options; validated.</param>
    /// <param name="output">Destination.</param>
    public static void WriteSr(double[] values, SrCnnOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var detector = new SrStreamingDetector(options);
        output.WriteLine("index,alert,score,magnitude");
        for (var i = 0; i < values.Length; i++)
        {
            var p = detector.Process(values[i]);
            output.WriteLine(Invariant($"{i},{(p.Alert ? 1 : 0)},{p.Score:R},{p.Magnitude:R}"));
        }
    }

    /// <summary>Whole-series spectral residual: <c>index,alert,score,magnitude,expected,lower,upper</c> for every row.</summary>
    /// <param name="values">The series.</param>
    /// <param name="options">Batch options; validated.</param>
    /// <param name="output">Destination.</param>
    public static void WriteSrBatch(double[] values, SrBatchOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var points = SrBatchDetector.Detect(values, options);
        output.WriteLine("index,alert,score,magnitude,expected,lower,upper");
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            output.WriteLine(Invariant($"{i},{(p.Alert ? 1 : 0)},{p.Score:R},{p.Magnitude:R},{p.ExpectedValue:R},{p.Lower:R},{p.Upper:R}"));
        }
    }

    /// <summary>IID spike detection: <c>index,alert,score,pvalue</c> (score is the value, as in ML.NET).</summary>
    /// <param name="values">The series.</param>
    /// <param name="options">Spike options; validated.</param>
    /// <param name="output">Destination.</param>
    public static void WriteSpike(double[] values, IidSpikeOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var detector = new IidSpikeDetector(options);
        WriteAlerts(values, v => { var p = detector.Process(v); return (p.Alert, p.Score, p.PValue); }, output);
    }

    /// <summary>IID change-point detection: <c>index,alert,score,pvalue</c> (score is the martingale value).</summary>
    /// <param name="values">The series.</param>
    /// <param name="options">Change-point options; validated.</param>
    /// <param name="output">Destination.</param>
    public static void WriteChangePoint(double[] values, IidChangePointOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var detector = new IidChangePointDetector(options);
        WriteAlerts(values, v => { var p = detector.Process(v); return (p.Alert, p.Score, p.PValue); }, output);
    }

    /// <summary>Relative-entropy detection: <c>index,alert,score,pvalue</c> (score is the G statistic against the nearest known distribution).</summary>
    /// <param name="values">The series.</param>
    /// <param name="options">Relative-entropy options; validated.</param>
    /// <param name="output">Destination.</param>
    public static void WriteRelativeEntropy(double[] values, RelativeEntropyOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(output);
        var detector = new RelativeEntropyDetector(options);
        WriteAlerts(values, v => { var p = detector.Process(v); return (p.Alert, p.Statistic, p.PValue); }, output);
    }

    /// <summary>Writes <c>index,alert,score,pvalue</c>, one row per value, from a detector's step.</summary>
    private static void WriteAlerts(double[] values, Func<double, (bool Alert, double Score, double PValue)> process, TextWriter output)
    {
        output.WriteLine("index,alert,score,pvalue");
        for (var i = 0; i < values.Length; i++)
        {
            var (alert, score, pValue) = process(values[i]);
            output.WriteLine(Invariant($"{i},{(alert ? 1 : 0)},{score:R},{pValue:R}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
