using Forecaster.Modeling.TimeSeries.SpectralResidual;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Streaming spectral-residual detection (ML.NET's <c>SrCnnAnomalyDetector</c> contract): the output column is a
/// Double vector [Alert (0/1), Raw Score, Magnitude] per row.
/// </summary>
public sealed class SrCnnAnomalyTransformer : TimeSeriesTransformer
{
    private readonly SrCnnOptions _options;

    internal SrCnnAnomalyTransformer(string inputColumnName, string outputColumnName, SrCnnOptions options) : base(inputColumnName)
    {
        _options = new SrStreamingDetector(options).Options;
        OutputColumnName = outputColumnName;
        OutputColumns = [new(outputColumnName, 3, false)];
    }

    /// <summary>Name of the output column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The options in use (a copy).</summary>
    public SrCnnOptions Options => new SrStreamingDetector(_options).Options;

    internal override IReadOnlyList<SequentialColumn> OutputColumns { get; }

    internal override string Kind => "srcnn";

    internal override ISequentialMapper CreateMapper() => new Mapper(new SrStreamingDetector(_options));

    internal override void SaveState(BinaryWriter writer)
    {
        writer.Write(OutputColumnName);
        new SrStreamingDetector(_options).Save(writer);
    }

    internal static SrCnnAnomalyTransformer LoadState(BinaryReader reader, string inputColumnName)
    {
        var output = reader.ReadString();
        return new SrCnnAnomalyTransformer(inputColumnName, output, SrStreamingDetector.Load(reader).Options);
    }

    private sealed class Mapper(SrStreamingDetector detector) : ISequentialMapper
    {
        public void Process(double value, double[][] outputs)
        {
            var point = detector.Process(value);
            outputs[0][0] = point.Alert ? 1 : 0;
            outputs[0][1] = point.Score;
            outputs[0][2] = point.Magnitude;
        }
    }
}
