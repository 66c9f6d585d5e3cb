namespace Forecaster.Modeling.Features;

/// <summary>
/// Trailing-window statistics over arrays: the value at i uses positions (i − window, i] only, so no statistic
/// ever reads past i. Near the start the window is whatever history exists.
/// </summary>
internal static class RollingWindow
{
    public static double[] Max(double[] x, int window) => Extreme(x, window, (a, b) => a >= b);

    public static double[] Min(double[] x, int window) => Extreme(x, window, (a, b) => a <= b);

    /// <summary>Monotonic deque: O(n) whatever the window.</summary>
    private static double[] Extreme(double[] x, int window, Func<double, double, bool> dominates)
    {
        var result = new double[x.Length];
        var deque = new int[x.Length];
        int head = 0, tail = 0;
        for (var i = 0; i < x.Length; i++)
        {
            while (tail > head && dominates(x[i], x[deque[tail - 1]])) tail--;
            deque[tail++] = i;
            if (deque[head] <= i - window) head++;
            result[i] = x[deque[head]];
        }
        return result;
    }

    public static double[] Mean(double[] x, int window)
    {
        var result = new double[x.Length];
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i];
            if (i >= window) sum -= x[i - window];
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }

    public static double[] StandardDeviation(double[] x, int window)
    {
        var result = new double[x.Length];
        double sum = 0, squares = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i];
            squares += x[i] * x[i];
            if (i >= window)
            {
                sum -= x[i - window];
                squares -= x[i - window] * x[i - window];
            }
            var n = Math.Min(i + 1, window);
            result[i] = Math.Sqrt(Math.Max(0, squares / n - sum / n * (sum / n)));
        }
        return result;
    }

    public static double[] Sum(double[] x, int window)
    {
        var mean = Mean(x, window);
        for (var i = 0; i < x.Length; i++) mean[i] *= Math.Min(i + 1, window);
        return mean;
    }

    /// <summary>x[i] − x[i − lag], or x[i] − x[0] near the start.</summary>
    public static double[] Change(double[] x, int lag)
    {
        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++) result[i] = x[i] - x[Math.Max(0, i - lag)];
        return result;
    }
}
