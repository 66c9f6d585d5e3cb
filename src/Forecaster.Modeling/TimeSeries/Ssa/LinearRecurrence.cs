using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Forecaster.Modeling.TimeSeries.Ssa;

/// <summary>
/// Linear recurrence relations (LRR) y[n] = a[0]·y[n-1] + a[1]·y[n-2] + … + a[d-1]·y[n-d], the forecasting
/// device of SSA (Golyandina &amp; Korobeynikov 2012, §2.3). Plain arrays, so feature code can use it without ML.NET.
/// </summary>
public static class LinearRecurrence
{
    /// <summary>
    /// The minimum-norm LRR of the signal subspace spanned by the first <paramref name="rank"/> columns of
    /// <paramref name="basis"/> (orthonormal, L rows). Returns L-1 coefficients, a[0] weighting the latest value.
    /// </summary>
    /// <param name="basis">Orthonormal basis, L × (at least rank).</param>
    /// <param name="rank">Number of columns used, at least 1.</param>
    /// <exception cref="InvalidOperationException">The subspace is vertical (contains the last unit vector): no LRR exists.</exception>
    public static double[] FromBasis(Matrix<double> basis, int rank)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var length = basis.RowCount;
        double verticality = 0;
        for (var i = 0; i < rank; i++) verticality += basis[length - 1, i] * basis[length - 1, i];
        if (verticality >= 1 - 1e-9)
            throw new InvalidOperationException("The SSA signal subspace is vertical; no recurrent forecast exists for this rank.");
        var coefficients = new double[length - 1];
        for (var k = 0; k < length - 1; k++)
        {
            double sum = 0;
            for (var i = 0; i < rank; i++) sum += basis[length - 1, i] * basis[k, i];
            // R[k] weights y[n-L+1+k]; a[j-1] weights y[n-j], so k = L-1-j.
            coefficients[length - 2 - k] = sum / (1 - verticality);
        }
        return coefficients;
    }

    /// <summary>
    /// Pulls roots of the characteristic polynomial that lie outside the unit circle onto it, so a forecast
    /// cannot grow exponentially. Coefficients without such roots are returned unchanged (as the same values),
    /// because rebuilding a polynomial from its roots costs accuracy.
    /// </summary>
    /// <param name="coefficients">LRR coefficients, a[0] weighting the latest value.</param>
    /// <param name="tolerance">Roots with modulus up to 1 + tolerance count as on the circle.</param>
    public static double[] Stabilize(double[] coefficients, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var d = coefficients.Length;
        if (d == 0) return coefficients;
        // Companion matrix of z^d - a0 z^(d-1) - ... - a(d-1): its eigenvalues are the roots.
        var companion = Matrix<double>.Build.Dense(d, d);
        for (var j = 0; j < d; j++) companion[0, j] = coefficients[j];
        for (var i = 1; i < d; i++) companion[i, i - 1] = 1;
        var roots = companion.Evd().EigenValues.ToArray();
        if (roots.All(r => r.Magnitude <= 1 + tolerance)) return coefficients;

        var polynomial = new Complex[d + 1];
        polynomial[0] = Complex.One;
        var degree = 0;
        foreach (var root in roots)
        {
            var r = root.Magnitude > 1 ? root / root.Magnitude : root;
            degree++;
            for (var k = degree; k >= 1; k--) polynomial[k] -= r * polynomial[k - 1];
        }
        var stable = new double[d];
        for (var j = 0; j < d; j++) stable[j] = -polynomial[j + 1].Real;
        return stable;
    }

    /// <summary>The impulse response ψ[0..count-1] of the recurrence (ψ[0] = 1), which propagates a one-step error.</summary>
    /// <param name="coefficients">LRR coefficients.</param>
    /// <param name="count">Number of terms.</param>
    public static double[] ImpulseResponse(double[] coefficients, int count)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var psi = new double[count];
        if (count == 0) return psi;
        psi[0] = 1;
        for (var k = 1; k < count; k++)
        {
            double sum = 0;
            for (var j = 1; j <= Math.Min(k, coefficients.Length); j++) sum += coefficients[j - 1] * psi[k - j];
            psi[k] = sum;
        }
        return psi;
    }

    /// <summary>Continues <paramref name="seed"/> (oldest first, at least d values) by the recurrence into <paramref name="output"/>.</summary>
    /// <param name="seed">The last values of the series, oldest first.</param>
    /// <param name="coefficients">LRR coefficients.</param>
    /// <param name="output">Receives the next values, step 1 first.</param>
    /// <exception cref="ArgumentException">The seed is shorter than the recurrence.</exception>
    public static void Continue(ReadOnlySpan<double> seed, double[] coefficients, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var d = coefficients.Length;
        if (seed.Length < d) throw new ArgumentException($"The seed holds {seed.Length} values; the recurrence needs {d}.", nameof(seed));
        var work = new double[d + output.Length];
        seed[^d..].CopyTo(work);
        for (var h = 0; h < output.Length; h++)
        {
            double sum = 0;
            var n = d + h;
            for (var j = 1; j <= d; j++) sum += coefficients[j - 1] * work[n - j];
            work[n] = sum;
            output[h] = sum;
        }
    }
}
