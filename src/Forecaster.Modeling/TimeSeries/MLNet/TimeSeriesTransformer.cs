using Microsoft.ML;
using Microsoft.ML.Data;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Base of the time-series transformers (SSA, SrCnn, IID spike, IID change point). Like ML.NET's time-series
/// transformers they are sequential: each row's output depends on the rows before it, so <see cref="Transform"/>
/// returns a lazily computed view that replays the rows in order from the fitted state, and there is no row-to-row mapper.
/// </summary>
/// <remarks>
/// Persistence: ML.NET 5.0.1 gives third-party transformers no public way into <c>mlContext.Model.Save/Load</c>
/// (<c>ModelSaveContext</c> members and <c>LoadableClassAttribute</c> are internal). Use
/// <see cref="TimeSeriesModelOperations"/>.SaveTimeSeriesModel and LoadTimeSeriesModel,
/// extensions on <c>mlContext.Model</c> that write a zip with a versioned state checked on load.
/// </remarks>
public abstract class TimeSeriesTransformer : ITransformer
{
    private protected TimeSeriesTransformer(string inputColumnName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        InputColumnName = inputColumnName;
    }

    /// <summary>Name of the numeric input column (Single or Double).</summary>
    public string InputColumnName { get; }

    /// <summary>Always false: outputs depend on earlier rows.</summary>
    public bool IsRowToRowMapper => false;

    internal abstract IReadOnlyList<SequentialColumn> OutputColumns { get; }

    internal abstract string Kind { get; }

    internal abstract ISequentialMapper CreateMapper();

    internal abstract void SaveState(BinaryWriter writer);

    /// <summary>The input schema plus the output columns.</summary>
    /// <param name="inputSchema">Schema of the data to transform.</param>
    /// <exception cref="ArgumentException">The input column is missing or not a Single/Double scalar.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckInput(inputSchema, InputColumnName);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var column in OutputColumns) builder.AddColumn(column.Name, column.Type);
        return builder.ToSchema();
    }

    /// <summary>Returns a view whose new columns are computed row by row, in order, from the fitted state.</summary>
    /// <param name="input">Data with the input column.</param>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SequentialDataView(input, InputColumnName, GetOutputSchema(input.Schema), OutputColumns, CreateMapper);
    }

    /// <summary>Not supported: a sequential transformer has no row-to-row mapping.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException($"{GetType().Name} is sequential; use Transform, or the engine for one observation at a time.");

    /// <summary>Not supported by ML.NET's public API for third-party transformers; see the class remarks.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException($"Save {GetType().Name} with mlContext.Model.SaveTimeSeriesModel(transformer, stream) (ML.NET's Save needs internal APIs).");

    internal static void CheckInput(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"Input column '{name}' is not in the data (columns: {string.Join(", ", schema.Select(c => c.Name))}).", nameof(schema));
        if (column.Type != NumberDataViewType.Single && column.Type != NumberDataViewType.Double)
            throw new ArgumentException($"Input column '{name}' has type {column.Type}; a Single or Double scalar is required.", nameof(schema));
    }
}
