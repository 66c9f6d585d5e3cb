using Forecaster.Modeling.TimeSeries.Ssa;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Fitted SSA forecaster (ML.NET's <c>SsaForecastingTransformer</c> contract). Transform replays the rows from the
/// fitted state: on each row it takes the observation and outputs the forecast of the next Horizon steps and, when
/// their column names were given, the interval bounds (Single vectors of length Horizon).
/// </summary>
public sealed class SsaForecastingTransformer : TimeSeriesTransformer
{
    private readonly SsaForecastEngine _engine;

    internal SsaForecastingTransformer(string inputColumnName, string outputColumnName, string? lowerColumnName, string? upperColumnName, SsaForecastEngine engine)
        : base(inputColumnName)
    {
        OutputColumnName = outputColumnName;
        LowerBoundColumnName = string.IsNullOrEmpty(lowerColumnName) ? null : lowerColumnName;
        UpperBoundColumnName = string.IsNullOrEmpty(upperColumnName) ? null : upperColumnName;
        _engine = engine;
        var horizon = engine.Options.Horizon;
        var columns = new List<SequentialColumn> { new(OutputColumnName, horizon, true) };
        if (LowerBoundColumnName is not null) columns.Add(new(LowerBoundColumnName, horizon, true));
        if (UpperBoundColumnName is not null) columns.Add(new(UpperBoundColumnName, horizon, true));
        OutputColumns = columns;
    }

    /// <summary>Name of the forecast column.</summary>
    public string OutputColumnName { get; }

    /// <summary>Name of the lower-bound column, or null when not produced.</summary>
    public string? LowerBoundColumnName { get; }

    /// <summary>Name of the upper-bound column, or null when not produced.</summary>
    public string? UpperBoundColumnName { get; }

    /// <summary>The signal rank the fit chose (or was given).</summary>
    public int Rank => _engine.Rank;

    /// <summary>
    /// A forecasting engine starting from the fitted state, for one observation at a time (ML.NET's
    /// <c>CreateTimeSeriesEngine</c>); each call returns an independent engine.
    /// </summary>
    public SsaForecastEngine CreateTimeSeriesEngine() => _engine.Clone();

    internal override IReadOnlyList<SequentialColumn> OutputColumns { get; }

    internal override string Kind => "ssa";

    internal override ISequentialMapper CreateMapper() => new Mapper(_engine.Clone(), LowerBoundColumnName is not null, UpperBoundColumnName is not null);

    internal override void SaveState(BinaryWriter writer)
    {
        writer.Write(OutputColumnName);
        writer.Write(LowerBoundColumnName ?? "");
        writer.Write(UpperBoundColumnName ?? "");
        writer.Flush();
        _engine.CheckPoint(writer.BaseStream);
    }

    internal static SsaForecastingTransformer LoadState(BinaryReader reader, string inputColumnName)
    {
        var output = reader.ReadString();
        var lower = reader.ReadString();
        var upper = reader.ReadString();
        return new SsaForecastingTransformer(inputColumnName, output, lower, upper, SsaForecastEngine.Restore(reader.BaseStream));
    }

    private sealed class Mapper(SsaForecastEngine engine, bool lower, bool upper) : ISequentialMapper
    {
        public void Process(double value, double[][] outputs)
        {
            engine.Update(value);
            var forecast = engine.Predict();
            forecast.Forecast.CopyTo(outputs[0], 0);
            var slot = 1;
            if (lower) forecast.Lower.CopyTo(outputs[slot++], 0);
            if (upper) forecast.Upper.CopyTo(outputs[slot], 0);
        }
    }
}
