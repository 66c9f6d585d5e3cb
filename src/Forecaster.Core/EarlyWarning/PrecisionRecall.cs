namespace Forecaster.EarlyWarning;

/// <summary>Ranking measures of probabilistic classifiers.</summary>
public static class PrecisionRecall
{
    /// <summary>
    /// Average precision: the area under the step-wise precision-recall curve, sum over thresholds of
    /// (recall gain) × precision. Tied scores form one threshold, so the order within ties does not matter.
    /// NaN when there are no positives.
    /// </summary>
    /// <param name="scores">Scores, higher meaning more likely positive.</param>
    /// <param name="labels">True for positives, same length.</param>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count) throw new ArgumentException("scores and labels must have the same length.", nameof(labels));
        var positives = labels.Count(l => l);
        if (positives == 0) return double.NaN;
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double area = 0;
        var truePositives = 0;
        var seen = 0;
        for (var k = 0; k < order.Length;)
        {
            var score = scores[order[k]];
            var gained = 0;
            while (k < order.Length && scores[order[k]].Equals(score))
            {
                if (labels[order[k]]) gained++;
                seen++;
                k++;
            }
            truePositives += gained;
            if (gained > 0) area += (double)gained / positives * truePositives / seen;
        }
        return area;
    }

    /// <summary>Mean squared difference between probabilities and 0/1 outcomes; NaN when empty.</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (probabilities.Count != outcomes.Count) throw new ArgumentException("probabilities and outcomes must have the same length.", nameof(outcomes));
        if (probabilities.Count == 0) return double.NaN;
        double sum = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var d = probabilities[i] - (outcomes[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / probabilities.Count;
    }
}
