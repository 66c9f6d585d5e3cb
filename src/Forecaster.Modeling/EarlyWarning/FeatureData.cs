using Forecaster.Modeling.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>Turns feature rows into ML.NET data views; IDataView never leaves Modeling.</summary>
internal static class FeatureData
{
    public sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Target { get; set; }
    }

    /// <summary>Rows whose feature vectors all have <paramref name="width"/> values (all features unless given).</summary>
    public static IDataView Load(MLContext ml, IEnumerable<Row> rows, int width = -1)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width < 0 ? ShortfallFeatureBuilder.Count : width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public static IDataView Load(MLContext ml, IReadOnlyList<float[]> features, int width = -1) =>
        Load(ml, features.Select(f => new Row { Features = f }), width);

    public static float[] Column(IDataView view, string name) => view.GetColumn<float>(name).ToArray();
}
