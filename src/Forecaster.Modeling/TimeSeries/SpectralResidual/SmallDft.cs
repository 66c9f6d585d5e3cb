using System.Collections.Concurrent;
using System.Numerics;

namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>
/// Direct DFT with cached twiddle tables for the short windows of streaming SR (tens of points, usually not a power
/// of two). MathNet's Bluestein transform allocates and pads on every call; for n ≤ 256 the O(n²) loop over a cached
/// table is several times faster and allocation-free, which is what makes SR over a million points affordable.
/// </summary>
internal static class SmallDft
{
    public const int MaxLength = 256;
    private static readonly ConcurrentDictionary<int, (double[] Cos, double[] Sin)> Tables = new();

    /// <summary>In-place transform; inverse includes the 1/n scaling (Matlab convention, as MathNet's).</summary>
    public static void Transform(Span<Complex> data, bool inverse, Span<Complex> scratch)
    {
        var n = data.Length;
        var (cos, sin) = Tables.GetOrAdd(n, Build);
        var sign = inverse ? 1.0 : -1.0;
        for (var k = 0; k < n; k++)
        {
            double re = 0, im = 0;
            var index = 0;
            for (var j = 0; j < n; j++)
            {
                var c = cos[index];
                var s = sign * sin[index];
                var x = data[j];
                re += x.Real * c - x.Imaginary * s;
                im += x.Real * s + x.Imaginary * c;
                index += k;
                if (index >= n) index -= n;
            }
            scratch[k] = inverse ? new Complex(re / n, im / n) : new Complex(re, im);
        }
        scratch[..n].CopyTo(data);
    }

    private static (double[] Cos, double[] Sin) Build(int n)
    {
        var cos = new double[n];
        var sin = new double[n];
        for (var i = 0; i < n; i++)
        {
            var angle = 2 * Math.PI * i / n;
            cos[i] = Math.Cos(angle);
            sin[i] = Math.Sin(angle);
        }
        return (cos, sin);
    }
}
