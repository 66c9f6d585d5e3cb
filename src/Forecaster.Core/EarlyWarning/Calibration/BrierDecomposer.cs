namespace Forecaster.EarlyWarning.Calibration;

/// <summary>
/// Computes <see cref="BrierDecomposition"/>s. Murphy's decomposition holds for any partition of the forecasts; the
/// default here is ten fixed bins on a 1-2-5 logarithmic grid (<see cref="DefaultEdges"/>), because a shortfall is a
/// rare event (about 1% of hours): the ten equal-width bins of Wilks (Statistical Methods in the Atmospheric Sciences,
/// ch. 9), meant for forecasts issued in tenths, put 0.1% and 5% (very different forecasts of a 1% event) and nearly
/// every hour into [0, 0.1), and ten equal-count bins (Atger 2004; Bröcker and Smith 2007) put every forecast above about
/// 1.5%, where most events are, into the top decile. Fixed edges keep the tables of every model, market and split
/// comparable. What a binning hides is not lost: it is the within-bin variance and covariance, reported beside the
/// exact Brier score.
/// </summary>
public static class BrierDecomposer
{
    /// <summary>0, 0.1%, 0.2%, 0.5%, 1%, 2%, 5%, 10%, 20%, 50%, 1: ten bins, each about 2 to 2.5 times the one below.</summary>
    public static IReadOnlyList<double> DefaultEdges { get; } = [0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

    /// <summary>Decomposes the Brier score of forecasts against outcomes, with each forecast's reference probability.</summary>
    /// <param name="forecasts">Probabilities in [0, 1].</param>
    /// <param name="outcomes">True where the event happened.</param>
    /// <param name="references">The reference probability of each forecast (the training base rate), in [0, 1].</param>
    /// <param name="edges">Bin edges from 0 to 1, strictly increasing; each bin holds [lower, upper), the last also 1. <see cref="DefaultEdges"/> when null.</param>
    /// <exception cref="ArgumentException">Lengths differ, a probability is outside [0, 1] or NaN (its index is named), or the edges are not as described.</exception>
    public static BrierDecomposition Decompose(IReadOnlyList<double> forecasts, IReadOnlyList<bool> outcomes, IReadOnlyList<double> references, IReadOnlyList<double>? edges = null)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(references);
        edges ??= DefaultEdges;
        CheckEdges(edges);
        var bins = edges.Count - 1;
        var n = forecasts.Count;
        if (outcomes.Count != n || references.Count != n)
            throw new ArgumentException($"{n} forecasts but {outcomes.Count} outcomes and {references.Count} references.", nameof(outcomes));
        CheckProbabilities(forecasts, nameof(forecasts));
        CheckProbabilities(references, nameof(references));

        var counts = new long[bins];
        var forecastSums = new double[bins];
        var eventSums = new double[bins];
        double brier = 0, referenceBrier = 0, referenceSum = 0, events = 0;
        var binOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            var o = outcomes[i] ? 1.0 : 0.0;
            var b = binOf[i] = BinOf(forecasts[i], edges);
            counts[b]++;
            forecastSums[b] += forecasts[i];
            eventSums[b] += o;
            brier += Square(forecasts[i] - o);
            referenceBrier += Square(references[i] - o);
            referenceSum += references[i];
            events += o;
        }
        if (n == 0) return new BrierDecomposition(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, EmptyTable(edges));

        var frequency = events / n;
        var table = new ReliabilityBin[bins];
        double reliability = 0, resolution = 0;
        for (var b = 0; b < bins; b++)
        {
            var mean = counts[b] > 0 ? forecastSums[b] / counts[b] : double.NaN;
            var observed = counts[b] > 0 ? eventSums[b] / counts[b] : double.NaN;
            table[b] = new ReliabilityBin(edges[b], edges[b + 1], counts[b], mean, observed);
            if (counts[b] == 0) continue;
            reliability += counts[b] * Square(mean - observed);
            resolution += counts[b] * Square(observed - frequency);
        }
        // Second pass: distances from the bin means, so no large sums of squares cancel.
        double variance = 0, covariance = 0;
        for (var i = 0; i < n; i++)
        {
            var bin = table[binOf[i]];
            var df = forecasts[i] - bin.MeanForecast;
            variance += df * df;
            covariance += df * ((outcomes[i] ? 1.0 : 0.0) - bin.ObservedFrequency);
        }
        return new BrierDecomposition(n, brier / n, reliability / n, resolution / n, frequency * (1 - frequency), variance / n, covariance / n,
            frequency, referenceSum / n, referenceBrier / n, table);
    }

    /// <summary>
    /// Decomposes a model's output on the hours <see cref="WarningEvaluator"/> scores (so its Brier skill is the
    /// evaluator's), pooled over every market; the reference is each hour's training base rate.
    /// </summary>
    public static BrierDecomposition Decompose(IReadOnlyList<ScoredMarket> markets, IReadOnlyList<double>? edges = null)
    {
        ArgumentNullException.ThrowIfNull(markets);
        var forecasts = new List<double>();
        var outcomes = new List<bool>();
        var references = new List<double>();
        foreach (var market in markets)
        {
            for (var i = 0; i < market.Labels.Times.Length; i++)
            {
                if (!WarningEvaluator.IsScored(market, i)) continue;
                forecasts.Add(market.Probability[i]);
                outcomes.Add(market.Labels.Target[i] == 1);
                references.Add(market.BaseRate[i]);
            }
        }
        return Decompose(forecasts, outcomes, references, edges);
    }

    private static void CheckProbabilities(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
            if (!(values[i] >= 0 && values[i] <= 1)) throw new ArgumentException($"{name}[{i}] = {values[i]} is not a probability in [0, 1].", name);
    }

    private static void CheckEdges(IReadOnlyList<double> edges)
    {
        if (edges.Count < 2 || edges[0] != 0 || edges[^1] != 1)
            throw new ArgumentException("Bin edges must start at 0 and end at 1.", nameof(edges));
        for (var k = 1; k < edges.Count; k++)
            if (!(edges[k] > edges[k - 1])) throw new ArgumentException($"Bin edges must increase strictly; edges[{k}] = {edges[k]} is not above {edges[k - 1]}.", nameof(edges));
    }

    /// <summary>The last bin whose lower edge is at or below p (1 falls in the last bin).</summary>
    private static int BinOf(double p, IReadOnlyList<double> edges)
    {
        int low = 0, high = edges.Count - 2;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (edges[mid] <= p) low = mid;
            else high = mid - 1;
        }
        return low;
    }

    private static double Square(double x) => x * x;

    private static ReliabilityBin[] EmptyTable(IReadOnlyList<double> edges) =>
        Enumerable.Range(0, edges.Count - 1).Select(b => new ReliabilityBin(edges[b], edges[b + 1], 0, double.NaN, double.NaN)).ToArray();
}
