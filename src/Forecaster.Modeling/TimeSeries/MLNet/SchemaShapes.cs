using Microsoft.ML;
using Microsoft.ML.Data;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>
/// Builds the output <see cref="SchemaShape"/> of the time-series estimators. ML.NET 5.0.1 keeps the constructors of
/// <see cref="SchemaShape.Column"/> internal, so the output columns' shapes are taken from a public CustomMapping
/// estimator over rows of the same types; it is only asked for its schema, never fitted.
/// </summary>
internal static class SchemaShapes
{
    private static readonly MLContext Context = new(seed: 0);

    public static SchemaShape Append(SchemaShape input, string inputColumn, IReadOnlyList<SequentialColumn> outputs)
    {
        ArgumentNullException.ThrowIfNull(input);
        var matches = input.Where(c => c.Name == inputColumn).ToList();
        if (matches.Count == 0)
            throw new ArgumentException($"Input column '{inputColumn}' is not in the data (columns: {string.Join(", ", input.Select(c => c.Name))}).", nameof(input));
        var source = matches[^1];
        var isSingle = source.ItemType == NumberDataViewType.Single;
        if (source.Kind != SchemaShape.Column.VectorKind.Scalar || (!isSingle && source.ItemType != NumberDataViewType.Double))
            throw new ArgumentException($"Input column '{inputColumn}' has type {source.ItemType} ({source.Kind}); a Single or Double scalar is required.", nameof(input));

        var columns = input.Where(c => outputs.All(o => o.Name != c.Name)).ToList();
        foreach (var output in outputs)
        {
            var shape = output.IsSingle
                ? ShapeOf<SingleVectorRow>(input, inputColumn, isSingle, output)
                : ShapeOf<DoubleVectorRow>(input, inputColumn, isSingle, output);
            columns.Add(shape.Last(c => c.Name == output.Name));
        }
        return new SchemaShape(columns);
    }

    private static SchemaShape ShapeOf<TOut>(SchemaShape input, string inputColumn, bool isSingle, SequentialColumn output) where TOut : class, new()
    {
        var outputDefinition = SchemaDefinition.Create(typeof(TOut));
        outputDefinition[0].ColumnName = output.Name;
        outputDefinition[0].ColumnType = output.Type;
        if (isSingle)
        {
            var inputDefinition = SchemaDefinition.Create(typeof(SingleRow));
            inputDefinition[0].ColumnName = inputColumn;
            return Context.Transforms.CustomMapping<SingleRow, TOut>((_, _) => { }, null, inputDefinition, outputDefinition).GetOutputSchema(input);
        }
        else
        {
            var inputDefinition = SchemaDefinition.Create(typeof(DoubleRow));
            inputDefinition[0].ColumnName = inputColumn;
            return Context.Transforms.CustomMapping<DoubleRow, TOut>((_, _) => { }, null, inputDefinition, outputDefinition).GetOutputSchema(input);
        }
    }

    private sealed class SingleRow { public float Value { get; set; } }
    private sealed class DoubleRow { public double Value { get; set; } }
    private sealed class SingleVectorRow { public float[] Values { get; set; } = []; }
    private sealed class DoubleVectorRow { public double[] Values { get; set; } = []; }
}
