namespace Forecaster.Modeling.TimeSeries.RelativeEntropy;

/// <summary>Shares of values in equal-width bins over a range, and the relative-entropy test between two such histograms.</summary>
public static class RangeHistogram
{
    // A bin a known distribution never saw gets this probability: far below one value in any window, so a window with
    // values there is never explained by that distribution (the divergence would otherwise be infinite).
    private const double UnseenBinProbability = 1e-10;

    /// <summary>Fills <paramref name="shares"/> with the share of <paramref name="values"/> in each bin of [low, high].</summary>
    /// <param name="values">The values, all within [low, high].</param>
    /// <param name="low">Lower edge of the first bin.</param>
    /// <param name="high">Upper edge of the last bin (inclusive); equal to low puts every value in the first bin.</param>
    /// <param name="shares">One entry per bin; overwritten.</param>
    public static void Fill(ReadOnlySpan<double> values, double low, double high, Span<double> shares)
    {
        shares.Clear();
        var width = high - low;
        var share = 1.0 / values.Length;
        foreach (var value in values)
        {
            var bin = width > 0 ? (int)((value - low) / width * shares.Length) : 0;
            shares[Math.Clamp(bin, 0, shares.Length - 1)] += share;
        }
    }

    /// <summary>
    /// The G statistic 2·n·KL(observed ‖ expected) of a histogram of <paramref name="count"/> values against a known
    /// distribution; under the hypothesis that the values come from it, chi-squared with bins − 1 degrees of freedom.
    /// </summary>
    /// <param name="observed">Shares of the window's values.</param>
    /// <param name="expected">Shares of the known distribution.</param>
    /// <param name="count">Values behind <paramref name="observed"/>.</param>
    public static double GStatistic(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected, int count)
    {
        var divergence = 0.0;
        for (var b = 0; b < observed.Length; b++)
            if (observed[b] > 0) divergence += observed[b] * Math.Log(observed[b] / Math.Max(expected[b], UnseenBinProbability));
        return 2 * count * divergence;
    }
}
