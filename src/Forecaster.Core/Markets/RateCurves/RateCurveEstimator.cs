namespace Forecaster.Markets.RateCurves;

/// <summary>
/// Finds a market's kink and slopes from the (utilization, borrow rate) pairs of its recent hours, so charts and
/// recommendations need not assume them. Snapshot files carry rates but not the curve's parameters; governance changes
/// curves from time to time, so only a recent window is used.
/// </summary>
/// <remarks>
/// Method: for each candidate kink k on a fine grid, the rate is regressed by least squares on (1, min(u, k), max(u - k, 0)),
/// a continuous two-segment line; the kink with the smallest squared error wins. The answer is refused (null) when the
/// curve cannot be identified: too few fresh hours, utilization never far enough on both sides of the kink, a second
/// slope not clearly steeper than the first (no kink at all), or a poor fit (the curve changed inside the window).
/// </remarks>
public sealed class RateCurveEstimator
{
    /// <summary>Defaults: the last 180 days, kink searched in [0.40, 0.97] by 0.005.</summary>
    public static RateCurveEstimator Default { get; } = new();

    /// <summary>How far back from the as-of hour the fit looks.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(180);

    /// <summary>Fewest fresh hours with a known rate the fit needs.</summary>
    public int MinimumHours { get; init; } = 24 * 14;

    /// <summary>Fewest hours on each side of the kink: one slope resting on a handful of hours is not an estimate.</summary>
    public int MinimumHoursPerSide { get; init; } = 24;

    /// <summary>How much steeper the second slope must be (per unit of utilization) for the kink to count as real.</summary>
    public double MinimumSteepening { get; init; } = 3;

    /// <summary>Largest acceptable fit error relative to the rate's spread (standard deviation), as a share.</summary>
    public double MaximumRelativeError { get; init; } = 0.15;

    /// <summary>How far back <see cref="EstimateLatest"/> looks for a window where the kink was visible.</summary>
    public TimeSpan LongestLookback { get; init; } = TimeSpan.FromDays(3 * 365);

    /// <summary>
    /// The curve in force at <paramref name="asOf"/>: estimated from the latest window, or, when utilization stayed below the
    /// kink lately (so the kink cannot be seen), from the latest earlier window where it could be, provided the recent hours
    /// still lie on that curve's first segment (it has not been changed since, as far as the recent hours can tell). Null
    /// when neither holds.
    /// </summary>
    /// <param name="hours">A market's hours in time order.</param>
    /// <param name="asOf">Hours after it are never read.</param>
    public RateCurveEstimate? EstimateLatest(IReadOnlyList<MarketHour> hours, DateTimeOffset asOf)
    {
        if (Estimate(hours, asOf) is { } recent) return recent;
        var fresh = FitPoints(hours, asOf - Window, asOf);
        if (fresh.Count < MinimumHours) return null;
        for (var end = asOf - Window / 2; end >= asOf - LongestLookback; end -= Window / 2)
        {
            if (Estimate(hours, end) is not { } older) continue;
            return StillInForce(older, fresh) ? older : null;
        }
        return null;
    }

    /// <summary>Estimates the curve from hours up to <paramref name="asOf"/>; null when it cannot be identified.</summary>
    /// <param name="hours">A market's hours in time order.</param>
    /// <param name="asOf">Hours after it are never read.</param>
    public RateCurveEstimate? Estimate(IReadOnlyList<MarketHour> hours, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var points = FitPoints(hours, asOf - Window, asOf);
        if (points.Count < MinimumHours) return null;

        var mean = points.Average(p => p.Rate);
        var spread = Math.Sqrt(points.Average(p => (p.Rate - mean) * (p.Rate - mean)));
        if (spread <= 0) return null;

        Fit? best = null;
        for (var k = 0.40; k <= 0.97 + 1e-9; k += 0.005)
        {
            var fit = FitAt(points, k);
            if (fit is not null && (best is null || fit.Value.SquaredError < best.Value.SquaredError)) best = fit;
        }
        if (best is not { } b) return null;

        var below = points.Count(p => p.U <= b.Kink);
        var above = points.Count - below;
        var rmse = Math.Sqrt(b.SquaredError / points.Count);
        var slope1PerUnit = b.Slope1 / b.Kink;
        var slope2PerUnit = b.Slope2 / (1 - b.Kink);
        if (below < MinimumHoursPerSide || above < MinimumHoursPerSide) return null;
        if (slope2PerUnit < MinimumSteepening * Math.Max(slope1PerUnit, 1e-9)) return null;
        if (rmse > MaximumRelativeError * spread) return null;
        return new RateCurveEstimate(b.Kink, b.Intercept, b.Slope1, b.Slope2, points.Count, above, rmse, points[0].Hour, points[^1].Hour);
    }

    // Recent hours all sit below the kink, so they trace one straight line. The older curve is still in force when that line
    // agrees with the older curve's first segment at both ends of the recent utilization range, within 0.1 point plus 5%
    // of the rate (rates are published with rounding; a governance change moves them by far more).
    private static bool StillInForce(RateCurveEstimate older, List<(double U, double Rate, DateTimeOffset Hour)> recent)
    {
        double n = recent.Count, su = 0, sr = 0, suu = 0, sur = 0;
        foreach (var (u, rate, _) in recent)
        {
            su += u; sr += rate; suu += u * u; sur += u * rate;
        }
        var denominator = n * suu - su * su;
        if (denominator <= 1e-12) return false;
        var slope = (n * sur - su * sr) / denominator;
        var intercept = (sr - slope * su) / n;
        foreach (var u in new[] { recent.Min(p => p.U), recent.Max(p => p.U) })
        {
            var expected = older.BorrowRatePct(u);
            if (Math.Abs(intercept + slope * u - expected) > 0.1 + 0.05 * Math.Abs(expected)) return false;
        }
        return true;
    }

    // Fresh hours with a known rate in (from, to]: forward-filled hours repeat an old rate and would weigh it twice.
    private static List<(double U, double Rate, DateTimeOffset Hour)> FitPoints(IReadOnlyList<MarketHour> hours, DateTimeOffset from, DateTimeOffset to) =>
        hours.Where(h => h.Hour > from && h.Hour <= to && h.IsFreshReading()
                         && double.IsFinite(h.BorrowRatePct) && h.SuppliedUsd > 0)
            .Select(h => (U: h.Utilization, Rate: h.BorrowRatePct, h.Hour))
            .ToList();

    private readonly record struct Fit(double Kink, double Intercept, double Slope1, double Slope2, double SquaredError);

    // Least squares on the basis (1, min(u, k), max(u - k, 0)) through the 3x3 normal equations. The matrix is symmetric,
    // so its six distinct sums are accumulated once each (a grid of 115 kinks over half a year of hours makes this the
    // kink features' cost), each point's terms added in order as a full 3x3 accumulation would.
    private static Fit? FitAt(List<(double U, double Rate, DateTimeOffset Hour)> points, double k)
    {
        double count = 0, sumLow = 0, sumHigh = 0, sumLowLow = 0, sumLowHigh = 0, sumHighHigh = 0;
        double sumRate = 0, sumLowRate = 0, sumHighRate = 0;
        foreach (var (u, rate, _) in points)
        {
            double low = Math.Min(u, k), high = Math.Max(u - k, 0);
            count += 1;
            sumLow += low;
            sumHigh += high;
            sumLowLow += low * low;
            sumLowHigh += low * high;
            sumHighHigh += high * high;
            sumRate += rate;
            sumLowRate += low * rate;
            sumHighRate += high * rate;
        }
        var a = new[,]
        {
            { count, sumLow, sumHigh },
            { sumLow, sumLowLow, sumLowHigh },
            { sumHigh, sumLowHigh, sumHighHigh },
        };
        var beta = Solve(a, [sumRate, sumLowRate, sumHighRate]);
        if (beta is null) return null;
        var error = 0.0;
        foreach (var (u, rate, _) in points)
        {
            var r = rate - (beta[0] + beta[1] * Math.Min(u, k) + beta[2] * Math.Max(u - k, 0));
            error += r * r;
        }
        // beta[1] and beta[2] are rises per unit of utilization; the estimate reports rises over each segment.
        return new Fit(k, beta[0], beta[1] * k, beta[2] * (1 - k), error);
    }

    // Gaussian elimination with partial pivoting; null when the system is singular (no hours on one side of k).
    private static double[]? Solve(double[,] a, double[] b)
    {
        const int n = 3;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col])) pivot = row;
            if (Math.Abs(m[pivot, col]) < 1e-9) return null;
            if (pivot != col)
            {
                for (var j = 0; j < n; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var f = m[row, col] / m[col, col];
                for (var j = col; j < n; j++) m[row, j] -= f * m[col, j];
                v[row] -= f * v[col];
            }
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = v[i];
            for (var j = i + 1; j < n; j++) s -= m[i, j] * x[j];
            x[i] = s / m[i, i];
        }
        return x;
    }
}
