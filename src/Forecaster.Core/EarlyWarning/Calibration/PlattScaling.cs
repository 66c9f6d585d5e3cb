namespace Forecaster.EarlyWarning.Calibration;

/// <summary>
/// Platt scaling of probabilities: <c>p' = σ(A · logit(p) + B)</c>, fitted by maximum likelihood (Newton's method)
/// with Platt's (1999) smoothed targets (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2), which keep the fit finite when the classes
/// separate and pull a fit on few positives toward the base rate. Two parameters, so few positive hours suffice,
/// where isotonic regression would follow their noise step by step.
/// </summary>
/// <param name="A">Slope on the logit scale: below 1 when the input is over-confident.</param>
/// <param name="B">Intercept on the logit scale: shifts every probability toward the observed base rate.</param>
public sealed record PlattScaling(double A, double B)
{
    // Probabilities are clamped to [Epsilon, 1 − Epsilon] before the logit so 0 and 1 map to finite values.
    private const double Epsilon = 1e-9;

    /// <summary>The identity map (A = 1, B = 0).</summary>
    public static PlattScaling Identity { get; } = new(1, 0);

    /// <summary>The recalibrated probability.</summary>
    public double Apply(double probability) => Sigmoid(A * Logit(probability) + B);

    /// <summary>Fits the map on probabilities and their outcomes; null without at least one event and one non-event.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static PlattScaling? Fit(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (probabilities.Count != outcomes.Count) throw new ArgumentException($"{probabilities.Count} probabilities but {outcomes.Count} outcomes.", nameof(outcomes));
        var positives = outcomes.Count(o => o);
        var negatives = outcomes.Count - positives;
        if (positives == 0 || negatives == 0) return null;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var x = probabilities.Select(Logit).ToArray();
        var t = outcomes.Select(o => o ? high : low).ToArray();

        // Start from the intercept that matches the smoothed base rate, then Newton steps halved until the loss falls.
        double a = 0, b = Logit((positives + 1.0) / (outcomes.Count + 2.0));
        var loss = Loss(x, t, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var p = Sigmoid(a * x[i] + b);
                var r = p - t[i];
                var w = Math.Max(p * (1 - p), 1e-12);
                ga += r * x[i];
                gb += r;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            var det = haa * hbb - hab * hab;
            if (!(det > 1e-12 * Math.Max(1, haa * hbb))) break;
            var da = (hbb * ga - hab * gb) / det;
            var db = (haa * gb - hab * ga) / det;
            var step = 1.0;
            double next;
            while ((next = Loss(x, t, a - step * da, b - step * db)) > loss && step > 1e-10) step /= 2;
            if (next > loss) break;
            a -= step * da;
            b -= step * db;
            var improvement = loss - next;
            loss = next;
            if (improvement < 1e-12 * Math.Max(1, loss)) break;
        }
        return new PlattScaling(a, b);
    }

    private static double Loss(double[] x, double[] t, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            // Cross-entropy written on the logit z, stable for large |z|: log(1 + e^z) − t z.
            var z = a * x[i] + b;
            sum += (z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z))) - t[i] * z;
        }
        return sum;
    }

    private static double Logit(double p)
    {
        var q = Math.Clamp(p, Epsilon, 1 - Epsilon);
        return Math.Log(q / (1 - q));
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
