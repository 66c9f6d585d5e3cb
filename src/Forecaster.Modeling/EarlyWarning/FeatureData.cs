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

    public static IDataView Load(MLContext ml, IEnumerable<Row> rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ShortfallFeatureBuilder.Count);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public static IDataView Load(MLContext ml, IReadOnlyList<float[]> features) =>
        Load(ml, features.Select(f => new Row { Features = f }));

    public static float[] Column(IDataView view, string name) => view.GetColumn<float>(name).ToArray();
}
