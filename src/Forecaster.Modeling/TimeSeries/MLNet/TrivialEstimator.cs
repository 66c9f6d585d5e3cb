using Microsoft.ML;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Estimator of a detector that learns nothing at fit time (spectral residual, IID spike, IID change point: as in
/// ML.NET, their state is built while transforming). Fit checks the input column and returns the transformer.
/// </summary>
/// <typeparam name="TTransformer">The detector's transformer.</typeparam>
public sealed class TrivialEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : TimeSeriesTransformer
{
    private readonly TTransformer _transformer;

    internal TrivialEstimator(TTransformer transformer) => _transformer = transformer;

    /// <summary>Checks the input column and returns the transformer.</summary>
    /// <param name="input">Data with the input column.</param>
    /// <exception cref="ArgumentException">The input column is missing or not a numeric scalar.</exception>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        TimeSeriesTransformer.CheckInput(input.Schema, _transformer.InputColumnName);
        return _transformer;
    }

    /// <summary>The input shape plus the detector's output column.</summary>
    /// <param name="inputSchema">Shape of the input.</param>
    /// <exception cref="ArgumentException">The input column is missing or not a numeric scalar.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        SchemaShapes.Append(inputSchema, _transformer.InputColumnName, _transformer.OutputColumns);
}
