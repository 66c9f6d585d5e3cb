using MathNet.Numerics.Statistics;

namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>
/// Whole-series spectral-residual detection: every batch is scored at once (each point against the preceding
/// saliency values), then an expected value is estimated by a low-pass of the series with outliers interpolated away,
/// and margins are set at k robust standard deviations of the residual, k = 3 + 7·(100 − sensitivity)/100.
/// A point is an alert when it is a spectral alert and lies outside its margins (ML.NET's AnomalyAndMargin mode).
/// </summary>
public static class SrBatchDetector
{
    /// <summary>Scores <paramref name="series"/> batch by batch.</summary>
    /// <param name="series">Observations, oldest first; finite values.</param>
    /// <param name="options">Options; validated here.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    /// <exception cref="ForecasterException">The series has fewer than 12 points or a non-finite value.</exception>
    public static SrBatchPoint[] Detect(ReadOnlySpan<double> series, SrBatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (series.Length < 12) throw new ForecasterException($"Spectral-residual batch detection needs at least 12 points; the series has {series.Length}.");
        for (var i = 0; i < series.Length; i++)
            if (!double.IsFinite(series[i])) throw new ForecasterException($"Series value at index {i} is not a finite number ({series[i]}).");
        var batch = options.BatchSize == -1 ? series.Length : options.BatchSize;
        var result = new SrBatchPoint[series.Length];
        for (var start = 0; start < series.Length; start += batch)
        {
            var end = Math.Min(start + batch, series.Length);
            // A short last batch borrows earlier points so its spectrum has enough resolution; only its own points are kept.
            var from = Math.Max(0, Math.Min(start, end - Math.Max(batch, 12)));
            var scored = ScoreBatch(series[from..end], options);
            Array.Copy(scored, start - from, result, start, end - start);
        }
        return result;
    }

    private static SrBatchPoint[] ScoreBatch(ReadOnlySpan<double> values, SrBatchOptions options)
    {
        var n = values.Length;
        var back = SrCnnOptions.Defaults.BackAddWindowSize;
        var extended = new double[n + back];
        values.CopyTo(extended);
        var next = SpectralResidual.ExtrapolateNext(values[..^1], SrCnnOptions.Defaults.LookaheadWindowSize);
        for (var i = n; i < extended.Length; i++) extended[i] = next;
        var saliency = new double[extended.Length];
        SpectralResidual.Saliency(extended, SrCnnOptions.Defaults.AveragingWindowSize, saliency);

        var judgement = SrCnnOptions.Defaults.JudgementWindowSize;
        var scores = new double[n];
        var spectral = new bool[n];
        double running = 0;
        for (var i = 0; i < n; i++)
        {
            var counted = Math.Min(i, judgement);
            var mean = counted == 0 ? 0 : running / counted;
            scores[i] = mean > 1e-12 ? (saliency[i] - mean) / mean : 0;
            spectral[i] = scores[i] > options.Threshold;
            running += saliency[i];
            if (i >= judgement) running -= saliency[i - judgement];
        }

        var expected = ExpectedValues(values);
        var residuals = new double[n];
        for (var i = 0; i < n; i++) residuals[i] = Math.Abs(values[i] - expected[i]);
        var scale = 1.4826 * residuals.Median();
        var floor = 1e-9 * (Math.Abs(values[n / 2]) + 1);
        var margin = Math.Max(scale, floor) * (3 + 7 * (100 - options.Sensitivity) / 100);

        var points = new SrBatchPoint[n];
        for (var i = 0; i < n; i++)
        {
            var lower = expected[i] - margin;
            var upper = expected[i] + margin;
            var outside = values[i] < lower || values[i] > upper;
            points[i] = new SrBatchPoint(spectral[i] && outside, scores[i], saliency[i], expected[i], lower, upper);
        }
        return points;
    }

    /// <summary>
    /// Expected values: the series low-passed (the top quarter of frequencies removed, as in Microsoft's reference
    /// implementation), after points far from a first low-pass (beyond 4 robust standard deviations) are
    /// interpolated away, so an anomaly does not drag its own expected value towards itself.
    /// </summary>
    private static double[] ExpectedValues(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var first = LowPass(values);
        var deviation = new double[n];
        for (var i = 0; i < n; i++) deviation[i] = Math.Abs(values[i] - first[i]);
        var scale = 1.4826 * deviation.Median();
        var outlier = new bool[n];
        for (var i = 0; i < n; i++) outlier[i] = deviation[i] > 4 * scale && scale > 0;
        return LowPass(Interpolate(values, outlier));
    }

    private static double[] LowPass(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var spectrum = new System.Numerics.Complex[n];
        for (var i = 0; i < n; i++) spectrum[i] = values[i];
        MathNet.Numerics.IntegralTransforms.Fourier.Forward(spectrum, MathNet.Numerics.IntegralTransforms.FourierOptions.Matlab);
        for (var i = 0; i < n; i++)
            if (i > n * 3 / 8 && i < n * 5 / 8) spectrum[i] = System.Numerics.Complex.Zero;
        MathNet.Numerics.IntegralTransforms.Fourier.Inverse(spectrum, MathNet.Numerics.IntegralTransforms.FourierOptions.Matlab);
        return spectrum.Select(c => c.Real).ToArray();
    }

    private static double[] Interpolate(ReadOnlySpan<double> values, bool[] drop)
    {
        var n = values.Length;
        var repaired = values.ToArray();
        var i = 0;
        while (i < n)
        {
            if (!drop[i]) { i++; continue; }
            var j = i;
            while (j < n && drop[j]) j++;
            var left = i > 0 ? repaired[i - 1] : (j < n ? values[j] : values[i]);
            var right = j < n ? values[j] : left;
            for (var k = i; k < j; k++) repaired[k] = left + (right - left) * (k - i + 1) / (j - i + 1);
            i = j;
        }
        return repaired;
    }
}
