using Forecaster.Modeling.TimeSeries.Iid;

namespace Forecaster.Modeling.Evaluation.Nab.Detectors;

/// <summary>NAB adapter of IID change-point detection: anomaly score m/(1+m) of the log martingale m ≥ 0.</summary>
/// <param name="options">Detector options; null means the defaults.</param>
public sealed class ChangePointNabDetector(IidChangePointOptions? options = null) : INabDetector
{
    private readonly IidChangePointOptions _options = options ?? new IidChangePointOptions();

    /// <inheritdoc />
    public string Name => "changepoint";

    /// <inheritdoc />
    public double[] Detect(NabDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var detector = new IidChangePointDetector(_options);
        return data.Values.Select(v => SrNabDetector.Squash(detector.Process(v).LogMartingale)).ToArray();
    }
}
