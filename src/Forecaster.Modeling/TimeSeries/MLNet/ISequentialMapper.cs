namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>Stateful per-row step of a sequential transformer: one observation in, fixed-length output vectors out.</summary>
internal interface ISequentialMapper
{
    /// <summary>Consumes the row's observation and fills one array per output column.</summary>
    void Process(double value, double[][] outputs);
}
