using Forecaster.Modeling.TimeSeries.Iid;

namespace Forecaster.Modeling.Evaluation.Nab.Detectors;

/// <summary>NAB adapter of IID spike detection: anomaly score 1 − p-value.</summary>
/// <param name="options">Detector options; null means the defaults.</param>
public sealed class SpikeNabDetector(IidSpikeOptions? options = null) : INabDetector
{
    private readonly IidSpikeOptions _options = options ?? new IidSpikeOptions();

    /// <inheritdoc />
    public string Name => "spike";

    /// <inheritdoc />
    public double[] Detect(NabDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var detector = new IidSpikeDetector(_options);
        return data.Values.Select(v => 1 - detector.Process(v).PValue).ToArray();
    }
}
