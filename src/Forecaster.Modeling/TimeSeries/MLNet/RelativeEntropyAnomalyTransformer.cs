using Forecaster.Modeling.TimeSeries.RelativeEntropy;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Streaming relative-entropy anomaly detection as an ML.NET transformer: the output column is a Double vector
/// [Alert (0/1), Raw Score (G statistic against the nearest known distribution), P-Value] per row, the layout of
/// ML.NET's IID detectors.
/// </summary>
public sealed class RelativeEntropyAnomalyTransformer : TimeSeriesTransformer
{
    private readonly RelativeEntropyOptions _options;

    internal RelativeEntropyAnomalyTransformer(string inputColumnName, string outputColumnName, RelativeEntropyOptions options) : base(inputColumnName)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        OutputColumnName = outputColumnName;
        OutputColumns = [new(outputColumnName, 3, false)];
    }

    /// <summary>Name of the output column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The options in use (a copy).</summary>
    public RelativeEntropyOptions Options => _options.Clone();

    internal override IReadOnlyList<SequentialColumn> OutputColumns { get; }

    internal override string Kind => "relativeentropy";

    internal override ISequentialMapper CreateMapper() => new Mapper(new RelativeEntropyDetector(_options));

    internal override void SaveState(BinaryWriter writer)
    {
        writer.Write(OutputColumnName);
        RelativeEntropyDetector.WriteOptions(writer, _options);
    }

    internal static RelativeEntropyAnomalyTransformer LoadState(BinaryReader reader, string inputColumnName)
    {
        var output = reader.ReadString();
        return new RelativeEntropyAnomalyTransformer(inputColumnName, output, RelativeEntropyDetector.ReadOptions(reader));
    }

    private sealed class Mapper(RelativeEntropyDetector detector) : ISequentialMapper
    {
        public void Process(double value, double[][] outputs)
        {
            var point = detector.Process(value);
            outputs[0][0] = point.Alert ? 1 : 0;
            outputs[0][1] = point.Statistic;
            outputs[0][2] = point.PValue;
        }
    }
}
