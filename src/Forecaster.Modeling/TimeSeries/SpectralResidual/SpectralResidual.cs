using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>
/// The spectral-residual saliency map of Ren et al. (KDD 2019, arXiv 1906.03821): the log amplitude spectrum minus
/// its local average, sent back to the time domain with the original phase. Points the spectrum cannot explain
/// (spikes, level breaks) stand out. Plain arrays so feature code can call it without ML.NET.
/// </summary>
public static class SpectralResidual
{
    /// <summary>Computes the saliency map of <paramref name="values"/> into <paramref name="saliency"/>.</summary>
    /// <param name="values">The window, oldest first.</param>
    /// <param name="averagingWindow">Width q of the moving average over the log spectrum, at least 1.</param>
    /// <param name="saliency">Receives one non-negative magnitude per value.</param>
    /// <param name="workspace">Optional scratch of exactly 2 × values.Length entries, reused across calls.</param>
    public static void Saliency(ReadOnlySpan<double> values, int averagingWindow, Span<double> saliency, Complex[]? workspace = null)
    {
        var n = values.Length;
        if (saliency.Length < n) throw new ArgumentException("The saliency span is shorter than the values.", nameof(saliency));
        ArgumentOutOfRangeException.ThrowIfLessThan(averagingWindow, 1);
        var spectrum = workspace is { } w && w.Length == 2 * n ? w : new Complex[2 * n];
        for (var i = 0; i < n; i++) spectrum[i] = new Complex(values[i], 0);
        Transform(spectrum, n, inverse: false);

        Span<double> logAmplitude = n <= 1024 ? stackalloc double[n] : new double[n];
        double largest = 0;
        for (var i = 0; i < n; i++) largest = Math.Max(largest, spectrum[i].Magnitude);
        // Bins at round-off level relative to the largest carry no signal: treating them as zero keeps a flat
        // series flat instead of amplifying 1e-15 noise to unit saliency.
        var floor = Math.Max(largest * 1e-10, double.Epsilon);
        for (var i = 0; i < n; i++)
        {
            var amplitude = spectrum[i].Magnitude;
            logAmplitude[i] = amplitude > floor ? Math.Log(amplitude) : double.NaN;
        }
        // Trailing moving average of the log amplitude (shorter at the start), skipping zero-amplitude bins.
        double running = 0;
        var counted = 0;
        for (var i = 0; i < n; i++)
        {
            var current = logAmplitude[i];
            if (!double.IsNaN(current)) { running += current; counted++; }
            if (i >= averagingWindow && !double.IsNaN(logAmplitude[i - averagingWindow])) { running -= logAmplitude[i - averagingWindow]; counted--; }
            var amplitude = spectrum[i].Magnitude;
            if (double.IsNaN(current) || counted == 0) { spectrum[i] = Complex.Zero; continue; }
            var residual = current - running / counted;
            spectrum[i] = spectrum[i] / amplitude * Math.Exp(residual);
        }
        Transform(spectrum, n, inverse: true);
        for (var i = 0; i < n; i++) saliency[i] = spectrum[i].Magnitude;
    }

    private static void Transform(Complex[] spectrum, int n, bool inverse)
    {
        if (n <= SmallDft.MaxLength)
        {
            SmallDft.Transform(spectrum.AsSpan(0, n), inverse, spectrum.AsSpan(n, n));
            return;
        }
        var exact = spectrum.AsSpan(0, n).ToArray();
        if (inverse) Fourier.Inverse(exact, FourierOptions.Matlab);
        else Fourier.Forward(exact, FourierOptions.Matlab);
        exact.CopyTo(spectrum, 0);
    }

    /// <summary>
    /// Estimates the value after the end of <paramref name="values"/> from the average gradient of the last
    /// <paramref name="lookahead"/> points (Ren et al. eq. 5), so the window's last real point is not at the edge.
    /// Callers pass the window without its newest point, as Microsoft's reference implementation does: a spike at the
    /// newest point would otherwise be extrapolated into the appended points and hide itself.
    /// </summary>
    /// <param name="values">The points the estimate starts from, oldest first.</param>
    /// <param name="lookahead">Number m of trailing points whose gradients are averaged, at least 1.</param>
    public static double ExtrapolateNext(ReadOnlySpan<double> values, int lookahead)
    {
        var n = values.Length;
        var m = Math.Min(lookahead, n - 1);
        if (m < 1) return n == 0 ? 0 : values[^1];
        double gradient = 0;
        for (var i = 1; i <= m; i++) gradient += (values[n - 1] - values[n - 1 - i]) / i;
        gradient /= m;
        return values[n - m] + gradient * m;
    }
}
