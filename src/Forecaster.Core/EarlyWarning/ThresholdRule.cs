namespace Forecaster.EarlyWarning;

/// <summary>
/// The baseline the models must beat: alert when utilization is at or above a level chosen on training data for the
/// same alert budget. Its probability (for AUC-PR and Brier skill) is the training frequency of the target among hours
/// in the same utilization bin, so the baseline is calibrated too and the comparison is fair.
/// </summary>
public sealed class ThresholdRule
{
    private const int Bins = 20;
    private readonly double[] _edges;
    private readonly double[] _rates;

    private ThresholdRule(double level, double[] edges, double[] rates)
    {
        Level = level;
        _edges = edges;
        _rates = rates;
    }

    /// <summary>The utilization at or above which the rule alerts; +∞ when the budget allows no alert.</summary>
    public double Level { get; }

    /// <summary>Fits the rule.</summary>
    /// <param name="utilization">Utilization of the training hours that are eligible and not in shortfall.</param>
    /// <param name="target">Their targets (<see cref="ShortfallLabels.None"/> where unknown: counted for the budget only).</param>
    /// <param name="alertBudget">Alert budget in (0, 1).</param>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static ThresholdRule Fit(IReadOnlyList<double> utilization, IReadOnlyList<sbyte> target, double alertBudget)
    {
        ArgumentNullException.ThrowIfNull(utilization);
        ArgumentNullException.ThrowIfNull(target);
        if (utilization.Count != target.Count) throw new ArgumentException("utilization and target must have the same length.", nameof(target));
        if (utilization.Count == 0) throw new ArgumentException("No training hours to fit the threshold rule on.", nameof(utilization));
        var level = AlertThreshold.ForBudget(utilization, alertBudget);

        var known = Enumerable.Range(0, utilization.Count).Where(i => target[i] != ShortfallLabels.None).ToArray();
        var sorted = known.Select(i => utilization[i]).Order().ToArray();
        var edges = new double[Bins - 1];
        for (var b = 1; b < Bins; b++) edges[b - 1] = sorted.Length == 0 ? b / (double)Bins : sorted[(int)((long)b * (sorted.Length - 1) / Bins)];
        var positives = new double[Bins];
        var counts = new double[Bins];
        foreach (var i in known)
        {
            var bin = BinOf(edges, utilization[i]);
            counts[bin]++;
            if (target[i] == 1) positives[bin]++;
        }
        var baseRate = known.Length == 0 ? 0 : positives.Sum() / known.Length;
        // Shrink sparse bins towards the base rate (10 pseudo-hours) so an empty bin does not predict 0 or 1.
        var rates = Enumerable.Range(0, Bins).Select(b => (positives[b] + 10 * baseRate) / (counts[b] + 10)).ToArray();
        return new ThresholdRule(level, edges, rates);
    }

    /// <summary>True when the rule alerts at this utilization.</summary>
    public bool Alerts(double utilization) => utilization >= Level;

    /// <summary>The rule's probability of the target at this utilization, in [0, 1].</summary>
    public double Probability(double utilization) => _rates[BinOf(_edges, utilization)];

    private static int BinOf(double[] edges, double value)
    {
        var bin = 0;
        while (bin < edges.Length && value > edges[bin]) bin++;
        return bin;
    }
}
