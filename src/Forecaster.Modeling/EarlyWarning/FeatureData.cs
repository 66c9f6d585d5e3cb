using Forecaster.Modeling.Features;
using Forecaster.Modeling.Persistence;
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

    /// <summary>
    /// Refuses a saved model whose feature vector is not as wide as this build's: the feature set grows between versions,
    /// and ML.NET would otherwise fail later, at the first prediction, with a message that names neither model nor cause.
    /// </summary>
    public static void RequireWidth(DataViewSchema savedInput, int width, string kind)
    {
        var saved = savedInput.GetColumnOrNull(nameof(Row.Features))?.Type is VectorDataViewType vector ? vector.Size : -1;
        if (saved != width)
            throw new ModelFormatException(
                $"The saved {kind} reads {saved} feature columns, but this build makes {width}: it was trained by an older version; retrain it (forecaster train).");
    }

    public static float[] Column(IDataView view, string name) => view.GetColumn<float>(name).ToArray();
}
