namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>
/// The Numenta Anomaly Benchmark score (Lavin &amp; Ahmad 2015), written from the paper's description:
/// a detection inside a window earns the scaled sigmoid of its position (the window's first row earns TpWeight,
/// its last about 0) and only a window's best detection counts; a missed window costs FnWeight; a detection outside
/// every window costs FpWeight times the scaled sigmoid of its distance past the previous window (−1 before any
/// window), so a detection just after a window is cheaper than a far one. Rows of the probationary period are not
/// scored. The threshold is the one maximising the corpus total for the profile; totals are normalised against the
/// null and perfect detectors.
/// </summary>
public static class NabScorer
{
    /// <summary>NAB's probationary share of each file.</summary>
    public const double DefaultProbationPercent = 0.15;

    /// <summary>The scaled sigmoid σ(y) = 2/(1+e^{5y}) − 1, or −1 beyond y = 3.</summary>
    /// <param name="position">Relative position (negative inside a window, positive past it).</param>
    public static double ScaledSigmoid(double position) => position > 3 ? -1 : 2 / (1 + Math.Exp(5 * position)) - 1;

    /// <summary>Scores a corpus of detector outputs under one profile at the best threshold.</summary>
    /// <param name="results">Each series with the detector's anomaly scores (one per row, larger = more anomalous).</param>
    /// <param name="profile">Cost profile.</param>
    /// <param name="probationPercent">Probationary share of each file.</param>
    /// <exception cref="ArgumentException">A score array's length differs from its series'.</exception>
    public static NabScore Score(IReadOnlyList<(NabDataSet Data, double[] Scores)> results, NabProfile profile, double probationPercent = DefaultProbationPercent)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(profile);
        var rows = new List<Row>();
        var windowCount = 0;
        var perfect = 0.0;
        foreach (var (data, scores) in results)
        {
            if (scores.Length != data.Values.Length)
                throw new ArgumentException($"{data.Name}: {scores.Length} scores for {data.Values.Length} rows.", nameof(results));
            var first = windowCount;
            windowCount += Sweep(data, scores, profile, probationPercent, first, rows);
        }
        // The best a detector can do in a window is its best scored row: the perfect detector fires there only.
        var best = new double[windowCount];
        Array.Fill(best, double.NegativeInfinity);
        foreach (var row in rows.Where(r => r.Window >= 0)) best[row.Window] = Math.Max(best[row.Window], row.Weighted);
        perfect = best.Sum();
        var nullScore = -profile.FnWeight * windowCount;

        rows.Sort((a, b) => b.Score.CompareTo(a.Score));
        var windowParts = new double[windowCount];
        Array.Fill(windowParts, -profile.FnWeight);
        var windowTotal = nullScore;
        double falsePositives = 0;
        var bestTotal = nullScore;
        var bestThreshold = rows.Count > 0 ? Math.BitIncrement(rows[0].Score) : 1.0;
        int tp = 0, fp = 0, bestTp = 0, bestFp = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Window >= 0)
            {
                tp++;
                if (row.Weighted > windowParts[row.Window])
                {
                    windowTotal += row.Weighted - windowParts[row.Window];
                    windowParts[row.Window] = row.Weighted;
                }
            }
            else
            {
                fp++;
                falsePositives += row.Weighted;
            }
            // Rows with equal scores switch on together: only record once the whole tie is in.
            if (i + 1 < rows.Count && rows[i + 1].Score == row.Score) continue;
            var total = windowTotal + falsePositives;
            if (total > bestTotal)
            {
                bestTotal = total;
                bestThreshold = row.Score;
                bestTp = tp;
                bestFp = fp;
            }
        }
        return new NabScore(profile, bestThreshold, bestTotal, nullScore, perfect, bestTp, bestFp);
    }

    /// <summary>Appends the scored rows of one series; returns its number of windows with scored rows.</summary>
    private static int Sweep(NabDataSet data, double[] scores, NabProfile profile, double probationPercent, int firstWindow, List<Row> rows)
    {
        var probation = data.ProbationLength(probationPercent);
        var maxTp = ScaledSigmoid(-1);
        var windows = data.Windows;
        var next = 0;
        NabWindow? current = null;
        NabWindow? previous = null;
        var currentId = -1;
        var counted = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (current is null && next < windows.Count && i == windows[next].Start)
            {
                current = windows[next++];
                // A window counts only when some of its rows are scored (not all in the probationary period).
                currentId = current.Value.End >= probation ? firstWindow + counted++ : -1;
            }
            double weighted;
            if (current is { } w)
            {
                var position = -(w.End - i + 1) / (double)w.Width;
                weighted = ScaledSigmoid(position) * profile.TpWeight / maxTp;
            }
            else if (previous is { } p)
            {
                var position = Math.Abs(p.End - i) / (double)(p.Width - 1);
                weighted = ScaledSigmoid(position) * profile.FpWeight;
            }
            else
            {
                weighted = -profile.FpWeight;
            }
            if (i >= probation) rows.Add(new Row(scores[i], weighted, current is null ? -1 : currentId));
            if (current is { } open && i == open.End)
            {
                previous = open;
                current = null;
                currentId = -1;
            }
        }
        return counted;
    }

    private readonly record struct Row(double Score, double Weighted, int Window);
}
