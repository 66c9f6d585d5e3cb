using Forecaster.Modeling.TimeSeries.Iid;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// IID change-point detection (ML.NET's <c>IidChangePointDetector</c> contract): the output column is a Double vector
/// [Alert (0/1), Raw Score (the value), P-Value, Martingale value] per row.
/// </summary>
public sealed class IidChangePointTransformer : TimeSeriesTransformer
{
    private readonly IidChangePointOptions _options;

    internal IidChangePointTransformer(string inputColumnName, string outputColumnName, IidChangePointOptions options) : base(inputColumnName)
    {
        options.Validate();
        _options = new IidChangePointOptions
        {
            Confidence = options.Confidence, ChangeHistoryLength = options.ChangeHistoryLength, Martingale = options.Martingale,
            Epsilon = options.Epsilon, Side = options.Side,
        };
        OutputColumnName = outputColumnName;
        OutputColumns = [new(outputColumnName, 4, false)];
    }

    /// <summary>Name of the output column.</summary>
    public string OutputColumnName { get; }

    internal override IReadOnlyList<SequentialColumn> OutputColumns { get; }

    internal override string Kind => "iidchangepoint";

    internal override ISequentialMapper CreateMapper() => new Mapper(new IidChangePointDetector(_options));

    internal override void SaveState(BinaryWriter writer)
    {
        writer.Write(OutputColumnName);
        new IidChangePointDetector(_options).Save(writer);
    }

    internal static IidChangePointTransformer LoadState(BinaryReader reader, string inputColumnName)
    {
        var output = reader.ReadString();
        var detector = IidChangePointDetector.Load(reader);
        return new IidChangePointTransformer(inputColumnName, output, detector.Options);
    }

    private sealed class Mapper(IidChangePointDetector detector) : ISequentialMapper
    {
        public void Process(double value, double[][] outputs)
        {
            var point = detector.Process(value);
            outputs[0][0] = point.Alert ? 1 : 0;
            outputs[0][1] = value;
            outputs[0][2] = point.PValue;
            outputs[0][3] = point.Score;
        }
    }
}
