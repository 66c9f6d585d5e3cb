namespace Forecaster.Modeling.TimeSeries.Ssa;

/// <summary>
/// Chooses the SSA signal rank from the eigenvalues of the lag-covariance matrix: the number of eigenvalues
/// that stand clearly above the noise floor. The floor is the median of the lower half of the spectrum, scaled
/// by the Marchenko–Pastur upper edge (1 + √(L/K))², which is how far pure white noise spreads the top eigenvalue.
/// </summary>
public static class SsaRankSelector
{
    /// <summary>The chosen rank, in [1, <paramref name="maxRank"/>].</summary>
    /// <param name="eigenvalues">Eigenvalues in descending order.</param>
    /// <param name="lagVectors">Number of lag vectors K behind them.</param>
    /// <param name="maxRank">Largest allowed rank.</param>
    public static int Choose(IReadOnlyList<double> eigenvalues, double lagVectors, int maxRank)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        var length = eigenvalues.Count;
        var top = Math.Max(eigenvalues[0], 0);
        if (top == 0) return 1;
        var lower = eigenvalues.Skip(length / 2).Select(v => Math.Max(v, 0)).OrderBy(v => v).ToArray();
        var median = lower[lower.Length / 2];
        var edge = Math.Pow(1 + Math.Sqrt(length / Math.Max(lagVectors, 1)), 2);
        // A factor of 2 above the edge keeps noise out; the relative floor keeps round-off out of noiseless signals.
        var threshold = Math.Max(2 * edge * median, top * 1e-13);
        var rank = 0;
        while (rank < Math.Min(maxRank, length - 1) && eigenvalues[rank] > threshold) rank++;
        return Math.Max(rank, 1);
    }
}
