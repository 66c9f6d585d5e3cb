using Microsoft.ML;
using Microsoft.ML.Data;

namespace Forecaster.Modeling.TimeSeries.MLNet;

/// <summary>Reads a numeric column of an <see cref="IDataView"/> in row order.</summary>
internal static class ColumnReader
{
    public static double[] Read(IDataView data, string columnName, int limit = int.MaxValue)
    {
        TimeSeriesTransformer.CheckInput(data.Schema, columnName);
        var column = data.Schema[columnName];
        var values = new List<double>();
        using var cursor = data.GetRowCursor([column]);
        if (column.Type == NumberDataViewType.Single)
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (values.Count < limit && cursor.MoveNext()) { getter(ref value); values.Add(Check(value, columnName, cursor.Position)); }
        }
        else
        {
            var getter = cursor.GetGetter<double>(column);
            double value = 0;
            while (values.Count < limit && cursor.MoveNext()) { getter(ref value); values.Add(Check(value, columnName, cursor.Position)); }
        }
        return values.ToArray();
    }

    private static double Check(double value, string column, long row) =>
        double.IsFinite(value) ? value : throw new ForecasterException($"Column '{column}' row {row} is {value}; time-series models need a finite value on every row.");
}
