using Forecaster.Modeling.TimeSeries.Iid;

namespace Forecaster.Modeling.Evaluation.Nab.Detectors;

/// <summary>
/// A NAB detector (second to <see cref="RelativeEntropyNabDetector"/>): the surprise −ln p of each value and of each first difference under adaptive
/// kernel densities of the last 100 rows (IID spike p-values), summed, passed through a 200-row
/// <see cref="RisingEdgeFilter"/> and squashed to s/(1+s). The value term catches spikes and level shifts, the
/// difference term catches changes of slope and noise. The same parameters are used for every series.
/// </summary>
public sealed class KdeEnsembleNabDetector : INabDetector
{
    /// <summary>History of both densities.</summary>
    public const int History = 100;

    /// <summary>Rows a score must beat to count again.</summary>
    public const int EdgeSpan = 200;

    /// <inheritdoc />
    public string Name => "kde-ensemble";

    /// <inheritdoc />
    public double[] Detect(NabDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = new IidSpikeDetector(new IidSpikeOptions { PValueHistoryLength = History });
        var differences = new IidSpikeDetector(new IidSpikeOptions { PValueHistoryLength = History });
        var edge = new RisingEdgeFilter(EdgeSpan);
        var scores = new double[data.Values.Length];
        for (var t = 0; t < scores.Length; t++)
        {
            var v = data.Values[t];
            var surprise = Surprise(values.Process(v).PValue) + Surprise(differences.Process(t == 0 ? 0 : v - data.Values[t - 1]).PValue);
            scores[t] = SrNabDetector.Squash(edge.Next(surprise));
        }
        return scores;
    }

    private static double Surprise(double pValue) => -Math.Log(Math.Max(pValue, 1e-300));
}
