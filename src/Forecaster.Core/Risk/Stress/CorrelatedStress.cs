namespace Forecaster.Risk.Stress;

/// <summary>
/// How markets' deposit outflows move together: the correlation of their daily 24 h relative outflows, the worst days
/// for all of them together, and the deepest stablecoin depeg replayed jointly.
/// </summary>
/// <param name="Markets">Markets in the matrix's order.</param>
/// <param name="Correlation">Pearson correlation of daily outflow shares over the days both markets have ([i][j]; NaN when fewer than <see cref="CorrelatedStressAnalyzer.MinimumPairedDays"/> days).</param>
/// <param name="PairedDays">Days behind each correlation.</param>
/// <param name="WorstJointDays">The days with the largest total outflow, worst first.</param>
/// <param name="Depeg">The deepest stablecoin depeg with the markets' outflows around it, or null when the prices show none.</param>
public sealed record CorrelatedStress(IReadOnlyList<string> Markets, IReadOnlyList<IReadOnlyList<double>> Correlation, IReadOnlyList<IReadOnlyList<int>> PairedDays,
    IReadOnlyList<JointOutflowDay> WorstJointDays, DepegEpisode? Depeg)
{
    /// <summary>The correlation between two markets, NaN when unknown.</summary>
    public double CorrelationOf(string a, string b)
    {
        var (i, j) = (IndexOf(a), IndexOf(b));
        return i < 0 || j < 0 ? double.NaN : Correlation[i][j];
    }

    private int IndexOf(string market)
    {
        for (var i = 0; i < Markets.Count; i++) if (Markets[i] == market) return i;
        return -1;
    }
}
