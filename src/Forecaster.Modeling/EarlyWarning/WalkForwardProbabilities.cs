using Forecaster.Modeling.Features;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// The early-warning model's shortfall probability (within 24 h) at every hour of a set of markets, each from a model fit
/// only on hours whose target window closed before that hour's fold began: the walk-forward of <see cref="EarlyWarningBacktest"/>
/// (refit every <see cref="BacktestOptions.RefitInterval"/>), kept per hour so a replay can use what the model said then.
/// Hours before the first fold (the first <see cref="BacktestOptions.BurnIn"/> of the earliest market) have no probability.
/// </summary>
public sealed class WalkForwardProbabilities
{
    private readonly Dictionary<string, (DateTimeOffset[] Times, double[] Probability)> _byMarket;

    private WalkForwardProbabilities(Dictionary<string, (DateTimeOffset[], double[])> byMarket) => _byMarket = byMarket;

    /// <summary>Fits fold by fold and scores every hour of every market.</summary>
    public static WalkForwardProbabilities Compute(IReadOnlyList<MarketHistory> markets, BacktestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var prepared = PreparedMarket.Prepare(markets, options.Definition);
        var probability = prepared.Select(m => Enumerable.Repeat(double.NaN, m.Labels.Times.Length).ToArray()).ToArray();
        if (prepared.Count > 0 && prepared.Any(m => m.History.Hours.Count > 0))
        {
            var end = prepared.Max(m => m.End);
            for (var cutoff = prepared.Min(m => m.Start) + options.BurnIn; cutoff <= end; cutoff += options.RefitInterval)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var foldEnd = cutoff + options.RefitInterval;
                var hours = new List<(int Market, int Index)>();
                for (var k = 0; k < prepared.Count; k++)
                {
                    var times = prepared[k].Labels.Times;
                    for (var i = 0; i < times.Length; i++)
                        if (times[i] >= cutoff && times[i] < foldEnd) hours.Add((k, i));
                }
                if (hours.Count == 0) continue;
                var scores = EarlyWarningModel.FitBefore(prepared, cutoff, options).Probabilities(hours.Select(h => prepared[h.Market].Rows[h.Index]).ToArray());
                for (var j = 0; j < hours.Count; j++) probability[hours[j].Market][hours[j].Index] = Math.Clamp(scores[j], 0, 1);
            }
        }
        return new WalkForwardProbabilities(prepared.Select((m, k) => (m.History.Name, (m.Labels.Times, probability[k])))
            .ToDictionary(x => x.Name, x => x.Item2));
    }

    /// <summary>The probability at a market's hour; NaN when the market or hour is unknown or lies before the first fold.</summary>
    public double At(string market, DateTimeOffset hour)
    {
        if (!_byMarket.TryGetValue(market, out var m)) return double.NaN;
        var i = Array.BinarySearch(m.Times, hour);
        return i >= 0 ? m.Probability[i] : double.NaN;
    }
}
