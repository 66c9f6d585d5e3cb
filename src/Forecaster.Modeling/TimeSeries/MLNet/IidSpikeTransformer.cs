using Forecaster.Modeling.TimeSeries.Iid;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// IID spike detection (ML.NET's <c>IidSpikeDetector</c> contract): the output column is a Double vector
/// [Alert (0/1), Raw Score (the value), P-Value] per row.
/// </summary>
public sealed class IidSpikeTransformer : TimeSeriesTransformer
{
    private readonly IidSpikeOptions _options;

    internal IidSpikeTransformer(string inputColumnName, string outputColumnName, IidSpikeOptions options) : base(inputColumnName)
    {
        options.Validate();
        _options = new IidSpikeOptions { Confidence = options.Confidence, PValueHistoryLength = options.PValueHistoryLength, Side = options.Side };
        OutputColumnName = outputColumnName;
        OutputColumns = [new(outputColumnName, 3, false)];
    }

    /// <summary>Name of the output column.</summary>
    public string OutputColumnName { get; }

    internal override IReadOnlyList<SequentialColumn> OutputColumns { get; }

    internal override string Kind => "iidspike";

    internal override ISequentialMapper CreateMapper() => new Mapper(new IidSpikeDetector(_options));

    internal override void SaveState(BinaryWriter writer)
    {
        writer.Write(OutputColumnName);
        writer.Write(_options.Confidence); writer.Write(_options.PValueHistoryLength); writer.Write((int)_options.Side);
    }

    internal static IidSpikeTransformer LoadState(BinaryReader reader, string inputColumnName)
    {
        var output = reader.ReadString();
        return new IidSpikeTransformer(inputColumnName, output, new IidSpikeOptions
        {
            Confidence = reader.ReadDouble(), PValueHistoryLength = reader.ReadInt32(), Side = (AnomalySide)reader.ReadInt32(),
        });
    }

    private sealed class Mapper(IidSpikeDetector detector) : ISequentialMapper
    {
        public void Process(double value, double[][] outputs)
        {
            var point = detector.Process(value);
            outputs[0][0] = point.Alert ? 1 : 0;
            outputs[0][1] = value;
            outputs[0][2] = point.PValue;
        }
    }
}
