using Forecaster.Modeling.TimeSeries.Ssa;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Estimator of SSA forecasting (ML.NET's <c>SsaForecastingEstimator</c>): Fit reads the first TrainSize rows of the
/// input column, in order, and fits an <see cref="SsaForecastEngine"/>. Reached through
/// <see cref="TimeSeriesCatalogExtensions.ForecastBySsa"/>.
/// </summary>
public sealed class SsaForecastingEstimator : IEstimator<SsaForecastingTransformer>
{
    private readonly string _output;
    private readonly string _input;
    private readonly string? _lower;
    private readonly string? _upper;
    private readonly SsaForecasterOptions _options;

    /// <summary>Creates the estimator; the options are validated here, so a bad option fails before any data is read.</summary>
    /// <param name="outputColumnName">Forecast column (Single vector of length Horizon).</param>
    /// <param name="inputColumnName">Numeric input column (Single or Double).</param>
    /// <param name="options">Options.</param>
    /// <param name="confidenceLowerBoundColumn">Lower-bound column, or null for none.</param>
    /// <param name="confidenceUpperBoundColumn">Upper-bound column, or null for none.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public SsaForecastingEstimator(string outputColumnName, string inputColumnName, SsaForecasterOptions options,
        string? confidenceLowerBoundColumn = null, string? confidenceUpperBoundColumn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _output = outputColumnName;
        _input = inputColumnName;
        _lower = confidenceLowerBoundColumn;
        _upper = confidenceUpperBoundColumn;
        _options = options;
    }

    /// <summary>Fits on the first TrainSize rows.</summary>
    /// <param name="input">Training data.</param>
    /// <exception cref="ForecasterException">Too few rows, or a non-finite value.</exception>
    public SsaForecastingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = ColumnReader.Read(input, _input, _options.TrainSize);
        var engine = SsaForecastEngine.Fit(values, _options);
        return new SsaForecastingTransformer(_input, _output, _lower, _upper, engine);
    }

    /// <summary>The input shape plus the forecast (and bound) columns.</summary>
    /// <param name="inputSchema">Shape of the input.</param>
    /// <exception cref="ArgumentException">The input column is missing or not a numeric scalar.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var columns = new List<SequentialColumn> { new(_output, _options.Horizon, true) };
        if (!string.IsNullOrEmpty(_lower)) columns.Add(new(_lower, _options.Horizon, true));
        if (!string.IsNullOrEmpty(_upper)) columns.Add(new(_upper, _options.Horizon, true));
        return SchemaShapes.Append(inputSchema, _input, columns);
    }
}
